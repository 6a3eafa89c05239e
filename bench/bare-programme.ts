import {
  inTimeOrder,
  PublishedAppearance,
  PublishedConference,
  PublishedSession,
  publishedAppearanceOf,
  publishedSessionOf,
} from '../src/published/published-programme';
import { Sqlite } from './sqlite';
import { Statement, statementReading } from './statements';

export type Row = Record<string, string | number | null>;

/** A conference's published programme, as the bare builds read it: the statements Lectern sent, replayed. */
export interface BareProgramme {
  /** The conference row as TypeORM's statement names its columns (`conference_name`, …). */
  conferenceRow: Row;
  conference: PublishedConference;
  /** In time order. */
  sessions: PublishedSession[];
  /** Replays Lectern's statement that reads this table. */
  read(table: string): Promise<Row[]>;
}

/**
 * Replays Lectern's statements for the conference, its public sessions and their line-ups through
 * the same driver, and makes the rows into the published programme's shape with the live read's
 * own pure mappings: what the rows say, not overhead.
 */
export async function readBareProgramme(db: Sqlite, statements: Statement[]): Promise<BareProgramme> {
  const read = (table: string) => {
    const statement = statementReading(statements, table);
    return db.all<Row>(statement.sql, statement.parameters);
  };
  const [conferenceRow] = await read('conferences');
  const lineUps = new Map<number, PublishedAppearance[]>();
  for (const row of await read('appearances')) {
    const lineUp = lineUps.get(Number(row.sessionId)) ?? [];
    lineUp.push(publishedAppearanceOf(row));
    lineUps.set(Number(row.sessionId), lineUp);
  }
  const sessions = (await read('sessions')).map((row) => publishedSessionOf(row, lineUps.get(Number(row.id)) ?? [])).sort(inTimeOrder);
  const text = (value: unknown) => (value == null ? null : String(value));
  const conference: PublishedConference = {
    name: String(conferenceRow.conference_name),
    timeZone: String(conferenceRow.conference_timeZone),
    defaultLocale: String(conferenceRow.conference_defaultLocale),
    venue: text(conferenceRow.conference_venue),
    city: text(conferenceRow.conference_city),
    websiteUrl: text(conferenceRow.conference_websiteUrl),
  };
  return { conferenceRow, conference, sessions, read };
}
