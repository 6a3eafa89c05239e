import { EntityManager } from 'typeorm';
import { searchEngineOf } from './search-engines';
import { sessionDocument, speakerDocument } from './search-terms';

/**
 * Writing the indexes from what the rows say now: the folded texts the services keep in the
 * `searchText` columns (sessions: titles and abstracts in every locale; speakers: names and other
 * spellings), plus, for a session, its speakers' names. The tables are read by name, so this sits
 * below the sessions and speakers it indexes.
 */

/** Ids per read when a whole index is rebuilt. */
const REBUILD_BATCH = 500;

type Row = { id: number | string; text: string | null };

export async function indexSessions(manager: EntityManager, sessionIds: number[]): Promise<void> {
  if (sessionIds.length === 0) return;
  const sessions: Row[] = await manager
    .createQueryBuilder()
    .select('"s"."id"', 'id')
    .addSelect('"s"."searchText"', 'text')
    .from('sessions', 's')
    .where('"s"."id" IN (:...sessionIds)', { sessionIds })
    .getRawMany();
  const names: Row[] = await manager
    .createQueryBuilder()
    .select('"a"."sessionId"', 'id')
    .addSelect('"sp"."searchText"', 'text')
    .from('appearances', 'a')
    .innerJoin('speakers', 'sp', '"sp"."id" = "a"."speakerId"')
    .where('"a"."sessionId" IN (:...sessionIds)', { sessionIds })
    .getRawMany();
  const namesOf = new Map<number, string[]>();
  for (const row of names) namesOf.set(Number(row.id), [...(namesOf.get(Number(row.id)) ?? []), row.text ?? '']);
  const documents = new Map(sessions.map((row) => [Number(row.id), sessionDocument(row.text ?? '', namesOf.get(Number(row.id)) ?? [])]));
  await searchEngineOf(manager).write(manager, 'sessions', documents);
}

/** The speakers' own documents only; their sessions' documents hold their names too (see `indexSpeakers`). */
async function indexSpeakerNames(manager: EntityManager, speakerIds: number[]): Promise<void> {
  if (speakerIds.length === 0) return;
  const speakers: Row[] = await manager
    .createQueryBuilder()
    .select('"sp"."id"', 'id')
    .addSelect('"sp"."searchText"', 'text')
    .from('speakers', 'sp')
    .where('"sp"."id" IN (:...speakerIds)', { speakerIds })
    .getRawMany();
  await searchEngineOf(manager).write(
    manager,
    'speakers',
    new Map(speakers.map((row) => [Number(row.id), speakerDocument(row.text ?? '')])),
  );
}

/** The speakers' documents, and those of every session they appear in. */
export async function indexSpeakers(manager: EntityManager, speakerIds: number[]): Promise<void> {
  await indexSpeakerNames(manager, speakerIds);
  await indexSessions(manager, await sessionsOfSpeakers(manager, speakerIds));
}

export async function sessionsOfSpeakers(manager: EntityManager, speakerIds: number[]): Promise<number[]> {
  if (speakerIds.length === 0) return [];
  const rows: { sessionId: number | string }[] = await manager
    .createQueryBuilder()
    .select('DISTINCT "a"."sessionId"', 'sessionId')
    .from('appearances', 'a')
    .where('"a"."speakerId" IN (:...speakerIds)', { speakerIds })
    .getRawMany();
  return rows.map((row) => Number(row.sessionId));
}

/** Fills both indexes from scratch: for rows that were written without the services (a migration, a bulk load). */
export async function rebuildSearchIndexes(manager: EntityManager): Promise<void> {
  const engine = searchEngineOf(manager);
  const rebuild = async (index: 'sessions' | 'speakers', write: (ids: number[]) => Promise<void>) => {
    await engine.clear(manager, index);
    const rows: { id: number | string }[] = await manager
      .createQueryBuilder()
      .select('"t"."id"', 'id')
      .from(index, 't')
      .orderBy('"t"."id"')
      .getRawMany();
    const ids = rows.map((row) => Number(row.id));
    for (let from = 0; from < ids.length; from += REBUILD_BATCH) await write(ids.slice(from, from + REBUILD_BATCH));
  };
  await rebuild('speakers', (ids) => indexSpeakerNames(manager, ids));
  await rebuild('sessions', (ids) => indexSessions(manager, ids));
}
