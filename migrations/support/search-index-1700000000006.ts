import { EntityManager } from 'typeorm';

/**
 * A frozen copy of what shipped with migration 1700000000006: how the full-text indexes were
 * filled then (src/search/search-index.ts, search-engines.ts and search-terms.ts, and `searchable`
 * from src/common/localisation.ts, as of 57193cb), cut down to the rebuild that migration runs.
 *
 * It does not follow src/: a migration must do on every later database what it did the day it
 * shipped. A change to the words the application indexes ships with a migration of its own that
 * rebuilds the indexes.
 */

type SearchIndex = 'sessions' | 'speakers';

const SEARCH_TABLES: Record<SearchIndex, { table: string; key: string }> = {
  sessions: { table: 'session_search', key: 'sessionId' },
  speakers: { table: 'speaker_search', key: 'speakerId' },
};

/** Ids per read when a whole index is rebuilt. */
const REBUILD_BATCH = 500;
/** Rows per statement: far below SQLite's bound-parameter limit. */
const CHUNK = 200;
/** Longer words are cut to this length on both sides, so a long word still finds itself by prefix. */
const MAX_TOKEN_LENGTH = 64;
/** Parts of names shorter than this are not indexed on their own (they would match nearly everyone). */
const MIN_NAME_PART = 2;

type Row = { id: number | string; text: string | null };

/** Fills both indexes from scratch, from the folded texts in the `searchText` columns. */
export async function rebuildSearchIndexes(manager: EntityManager): Promise<void> {
  const rebuild = async (index: SearchIndex, write: (ids: number[]) => Promise<void>) => {
    await manager.query(`DELETE FROM "${SEARCH_TABLES[index].table}"`);
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

async function indexSessions(manager: EntityManager, sessionIds: number[]): Promise<void> {
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
  await write(manager, 'sessions', documents);
}

async function indexSpeakerNames(manager: EntityManager, speakerIds: number[]): Promise<void> {
  if (speakerIds.length === 0) return;
  const speakers: Row[] = await manager
    .createQueryBuilder()
    .select('"sp"."id"', 'id')
    .addSelect('"sp"."searchText"', 'text')
    .from('speakers', 'sp')
    .where('"sp"."id" IN (:...speakerIds)', { speakerIds })
    .getRawMany();
  await write(manager, 'speakers', new Map(speakers.map((row) => [Number(row.id), speakerDocument(row.text ?? '')])));
}

/** Replaces (or adds) the documents of these ids: FTS5 rows by rowid on SQLite, `tsvector` rows on PostgreSQL. */
async function write(manager: EntityManager, index: SearchIndex, documents: Map<number, string[]>): Promise<void> {
  const { table, key } = SEARCH_TABLES[index];
  const entries = [...documents.entries()];
  if (manager.connection.options.type === 'postgres') {
    for (const chunk of chunks(entries)) {
      await manager.query(
        `INSERT INTO "${table}" ("${key}", "document")
         SELECT "u"."id", array_to_tsvector(string_to_array("u"."words", ' ')) FROM unnest($1::integer[], $2::text[]) AS "u"("id", "words")
         ON CONFLICT ("${key}") DO UPDATE SET "document" = EXCLUDED."document"`,
        [chunk.map(([id]) => id), chunk.map(([, tokens]) => tokens.join(' '))],
      );
    }
    return;
  }
  for (const chunk of chunks(entries.map(([id]) => id))) {
    await manager.query(`DELETE FROM "${table}" WHERE rowid IN (${chunk.map(() => '?').join(', ')})`, chunk);
  }
  for (const chunk of chunks(entries)) {
    await manager.query(
      `INSERT INTO "${table}" (rowid, "document") VALUES ${chunk.map(() => '(?, ?)').join(', ')}`,
      chunk.flatMap(([id, tokens]) => [id, tokens.join(' ')]),
    );
  }
}

/** A session's document: its title and abstract in every locale, and its speakers' names. */
function sessionDocument(sessionText: string, speakerNames: string[]): string[] {
  return distinct([...searchTokens(sessionText), ...speakerNames.flatMap(nameTokens)]);
}

/** A speaker's document: the name and its other spellings. */
function speakerDocument(speakerNames: string): string[] {
  return distinct(nameTokens(speakerNames));
}

/** Folded (lower case, no accents), split at anything that is not a letter or a digit. */
function searchTokens(text: string): string[] {
  return text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((token) => token !== '')
    .map((token) => token.slice(0, MAX_TOKEN_LENGTH));
}

/** A name's words and every inner part of them ("eirik" also as "irik", "rik", "ik"). */
function nameTokens(text: string): string[] {
  return searchTokens(text).flatMap((token) => {
    const parts = [token];
    for (let start = 1; token.length - start >= MIN_NAME_PART; start++) parts.push(token.slice(start));
    return parts;
  });
}

function distinct(tokens: string[]): string[] {
  return [...new Set(tokens)];
}

function chunks<T>(items: T[]): T[][] {
  const result: T[][] = [];
  for (let from = 0; from < items.length; from += CHUNK) result.push(items.slice(from, from + CHUNK));
  return result;
}
