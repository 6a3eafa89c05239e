import { Column, ColumnOptions, ValueTransformer } from 'typeorm';

/**
 * Instants are stored as fixed-width UTC ISO-8601 text (`2020-11-24T09:00:00.000Z`): SQLite has
 * no instant type and PostgreSQL's `timestamptz` is unknown to TypeORM's SQLite driver, so one
 * entity set could not otherwise serve both engines (and a copy between them). Fixed width keeps
 * text order equal to time order, so range and overlap comparisons stay in SQL.
 */
export const INSTANT_LENGTH = 24;

const instantTransformer: ValueTransformer = {
  to: (value: Date | null | undefined) => (value instanceof Date ? value.toISOString() : (value ?? null)),
  from: (value: string | null) => (value == null ? null : new Date(value)),
};

export function InstantColumn(options: Pick<ColumnOptions, 'nullable' | 'name'> = {}) {
  return Column({ type: 'varchar', length: INSTANT_LENGTH, transformer: instantTransformer, ...options });
}

/** A text readers see in several languages: `{"sv": "…", "en": "…"}`. */
export function LocalisedColumn(options: Pick<ColumnOptions, 'nullable' | 'name'> = {}) {
  return Column({ type: 'simple-json', ...options });
}
