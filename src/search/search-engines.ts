import { EntityManager } from 'typeorm';

/** The two indexes: sessions (texts and speakers' names) and speakers (names). */
export type SearchIndex = 'sessions' | 'speakers';

export const SEARCH_TABLES: Record<SearchIndex, { table: string; key: string }> = {
  sessions: { table: 'session_search', key: 'sessionId' },
  speakers: { table: 'speaker_search', key: 'speakerId' },
};

/** A condition on ids, ready for `andWhere`. */
export interface IdCondition {
  sql: string;
  parameters: Record<string, unknown>;
}

/** What differs between the engines: how the index is written and asked. The words are the same. */
export interface SearchEngine {
  /** `ids IN (…)` for the rows whose document has a word starting with each token. */
  matching(index: SearchIndex, idColumn: string, tokens: string[]): IdCondition;
  /** Replaces (or adds) the documents of these ids. */
  write(manager: EntityManager, index: SearchIndex, documents: Map<number, string[]>): Promise<void>;
  remove(manager: EntityManager, index: SearchIndex, ids: number[]): Promise<void>;
  clear(manager: EntityManager, index: SearchIndex): Promise<void>;
}

/** Rows per statement: far below SQLite's bound-parameter limit. */
const CHUNK = 200;

/** FTS5: one virtual table per index, the row id being the session's or speaker's id. */
export const sqliteSearch: SearchEngine = {
  matching(index, idColumn, tokens) {
    const { table } = SEARCH_TABLES[index];
    // Each token quoted as an FTS5 string (so no word is read as an operator), with a prefix star.
    const match = tokens.map((token) => `"${token.replace(/"/g, '""')}"*`).join(' AND ');
    const parameter = `${index}SearchMatch`;
    return {
      sql: `${idColumn} IN (SELECT rowid FROM "${table}" WHERE "${table}" MATCH :${parameter})`,
      parameters: { [parameter]: match },
    };
  },

  async write(manager, index, documents) {
    const { table } = SEARCH_TABLES[index];
    const entries = [...documents.entries()];
    await this.remove(
      manager,
      index,
      entries.map(([id]) => id),
    );
    for (const chunk of chunks(entries)) {
      await manager.query(
        `INSERT INTO "${table}" (rowid, "document") VALUES ${chunk.map(() => '(?, ?)').join(', ')}`,
        chunk.flatMap(([id, tokens]) => [id, tokens.join(' ')]),
      );
    }
  },

  async remove(manager, index, ids) {
    const { table } = SEARCH_TABLES[index];
    for (const chunk of chunks(ids)) {
      await manager.query(`DELETE FROM "${table}" WHERE rowid IN (${chunk.map(() => '?').join(', ')})`, chunk);
    }
  },

  async clear(manager, index) {
    await manager.query(`DELETE FROM "${SEARCH_TABLES[index].table}"`);
  },
};

/**
 * PostgreSQL: a table per index with a `tsvector` under a GIN index. The vector is built from our
 * own words with `array_to_tsvector` (no text search parser or dictionary in between), so it holds
 * exactly the words SQLite's index holds; the query is a `tsquery` of prefix lexemes.
 */
export const postgresSearch: SearchEngine = {
  matching(index, idColumn, tokens) {
    const { table, key } = SEARCH_TABLES[index];
    const query = tokens.map((token) => `'${token.replace(/['\\]/g, (c) => `\\${c}`)}':*`).join(' & ');
    const parameter = `${index}SearchQuery`;
    return {
      sql: `${idColumn} IN (SELECT "${key}" FROM "${table}" WHERE "document" @@ CAST(:${parameter} AS tsquery))`,
      parameters: { [parameter]: query },
    };
  },

  async write(manager, index, documents) {
    const { table, key } = SEARCH_TABLES[index];
    // An upsert rather than delete-then-insert: two transactions re-indexing one session at once
    // (a new title, a new speaker) then wait for each other instead of clashing on the key.
    for (const chunk of chunks([...documents.entries()])) {
      await manager.query(
        `INSERT INTO "${table}" ("${key}", "document")
         SELECT "u"."id", array_to_tsvector(string_to_array("u"."words", ' ')) FROM unnest($1::integer[], $2::text[]) AS "u"("id", "words")
         ON CONFLICT ("${key}") DO UPDATE SET "document" = EXCLUDED."document"`,
        [chunk.map(([id]) => id), chunk.map(([, tokens]) => tokens.join(' '))],
      );
    }
  },

  async remove(manager, index, ids) {
    const { table, key } = SEARCH_TABLES[index];
    if (ids.length) await manager.query(`DELETE FROM "${table}" WHERE "${key}" = ANY($1::integer[])`, [ids]);
  },

  async clear(manager, index) {
    await manager.query(`DELETE FROM "${SEARCH_TABLES[index].table}"`);
  },
};

export function searchEngineOf(manager: EntityManager): SearchEngine {
  return manager.connection.options.type === 'postgres' ? postgresSearch : sqliteSearch;
}

function chunks<T>(items: T[]): T[][] {
  const result: T[][] = [];
  for (let from = 0; from < items.length; from += CHUNK) result.push(items.slice(from, from + CHUNK));
  return result;
}
