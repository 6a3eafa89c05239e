import { useClient, useSubscription } from '@urql/preact';
import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import {
  BoardChangesDocument,
  BoardConflictsDocument,
  BoardConflictsQuery,
  BoardDayDocument,
  BoardDayQuery,
  BoardSessionFragment,
  BoardTrayDocument,
  BoardTrayQuery,
} from './operations.generated';

export type BoardConflict = BoardConflictsQuery['conflicts'][number];
type DayPage = NonNullable<BoardDayQuery['conference']>['sessions'];
type TrayPage = NonNullable<BoardTrayQuery['conference']>['sessions'];

export interface BoardContent {
  /** The day's sessions, in time order. */
  sessions: BoardSessionFragment[];
  /** Sessions without a time yet. */
  tray: BoardSessionFragment[];
  /** Every problem of the conference's programme. */
  conflicts: BoardConflict[];
}

/** How long the board waits for a burst of changes to end before it reads the programme again. */
const SETTLE_MS = 200;

/**
 * What the board shows, read page by page (a day of a big conference is several pages), and read
 * again when anyone changes the programme (the subscription tells of every organiser's changes).
 */
export function useBoardContent(slug: string, day: string | undefined): { content: BoardContent | null; reload: () => Promise<void> } {
  const client = useClient();
  const [content, setContent] = useState<BoardContent | null>(null);
  const generation = useRef(0);

  const reload = useCallback(async () => {
    if (!day) return;
    const mine = ++generation.current;
    const read = async <T>(promise: Promise<{ data?: T; error?: Error }>): Promise<T> => {
      const { data, error } = await promise;
      if (error || !data) throw error ?? new Error('no answer');
      return data;
    };
    const fresh = { requestPolicy: 'network-only' } as const;
    const sessions: BoardSessionFragment[] = [];
    for (let after: string | null | undefined = undefined; ;) {
      const page: DayPage | undefined = (await read(client.query(BoardDayDocument, { slug, day, after }, fresh).toPromise())).conference
        ?.sessions;
      if (!page) break;
      sessions.push(...page.edges.map((edge) => edge.node));
      if (!page.pageInfo.hasNextPage) break;
      after = page.pageInfo.endCursor;
    }
    const tray: BoardSessionFragment[] = [];
    for (let before: string | null | undefined = undefined; ;) {
      const page: TrayPage | undefined = (await read(client.query(BoardTrayDocument, { slug, before }, fresh).toPromise())).conference
        ?.sessions;
      if (!page) break;
      const unscheduled = page.edges.map((edge) => edge.node).filter((session) => !session.startsAt);
      tray.unshift(...unscheduled);
      if (unscheduled.length < page.edges.length || !page.pageInfo.hasPreviousPage) break;
      before = page.pageInfo.startCursor;
    }
    const { conflicts } = await read(client.query(BoardConflictsDocument, { slug }, fresh).toPromise());
    if (mine !== generation.current) return;
    performance.clearMarks('board-data');
    performance.mark('board-data');
    setContent({ sessions, tray, conflicts });
  }, [client, slug, day]);

  useEffect(() => {
    setContent(null);
    void reload();
  }, [reload]);

  const settling = useRef<ReturnType<typeof setTimeout>>();
  useSubscription({ query: BoardChangesDocument, variables: { slug } }, () => {
    clearTimeout(settling.current);
    settling.current = setTimeout(() => void reload(), SETTLE_MS);
    return null;
  });
  useEffect(() => () => clearTimeout(settling.current), []);

  return { content, reload };
}
