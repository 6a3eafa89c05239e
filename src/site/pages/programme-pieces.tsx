import { renderToString } from 'preact-render-to-string';
import { Conference } from '../../conferences/conference.entity';
import { PublishedSession } from '../../published/published-programme';
import { PageContext } from '../site-context';
import { GridCell } from './programme-grid';
import { SessionItem } from './programme-page';

/**
 * What repeats once per session on a programme page: its entry in a day's list (the whole
 * `<li>`), or what its cell of a day's timetable holds (inside the `<td>`, whose span and class
 * the table gives it, as they depend on the other sessions of the day).
 */
export type ProgrammePieceKind = 'item' | 'cell';

/** The pieces a programme page is assembled from, by session id. */
export interface ProgrammePieces {
  items: ReadonlyMap<number, string>;
  cells: ReadonlyMap<number, string>;
}

/** One session's piece as HTML: the very markup the page would have rendered in place. */
export function renderProgrammePiece(
  kind: ProgrammePieceKind,
  context: PageContext,
  conference: Pick<Conference, 'slug' | 'timeZone'>,
  session: PublishedSession,
): string {
  return renderToString(
    kind === 'item' ? (
      <SessionItem context={context} conference={conference} session={session} />
    ) : (
      <GridCell context={context} conference={conference} session={session} />
    ),
  );
}
