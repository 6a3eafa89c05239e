import Fastify, { FastifyInstance } from 'fastify';
import { localise, LocalisedText } from '../src/common/localisation';
import { inFormat, TextFormat } from '../src/common/rich-text';
import { ResponseHeaders } from './response-headers';
import { Sqlite } from './sqlite';
import { Statement, statementReading } from './statements';

/** The statements Lectern sent for one GraphQL request, to be replayed as they were. */
export interface DataLimitStatements {
  page: Statement[];
  speaker: Statement[];
}

export const DATA_LIMIT_PAGE = '/limit/page';
export const DATA_LIMIT_SPEAKER = '/limit/speaker';

/**
 * The data limit: the same SQL statements as Lectern's GraphQL answer, sent through the same
 * `sqlite3` driver, and the same JSON built from the rows by hand, with Lectern's headers. It takes
 * the same request body (Fastify parses it, as for Mercurius) so the load generator sends identical
 * requests to both.
 */
export function dataLimit(db: Sqlite, statements: DataLimitStatements, headers: ResponseHeaders): FastifyInstance {
  const page = pageReader(statements.page);
  const speaker = speakerReader(statements.speaker);
  const fastify = Fastify();
  fastify.post(DATA_LIMIT_PAGE, async (request, reply) => {
    const { variables } = request.body as { variables: { first: number } };
    reply.headers(headers);
    return JSON.stringify({ data: { sessions: { edges: await page(db, variables.first) } } });
  });
  fastify.post(DATA_LIMIT_SPEAKER, async (_request, reply) => {
    reply.headers(headers);
    return JSON.stringify({ data: { speaker: await speaker(db) } });
  });
  return fastify;
}

type Row = Record<string, unknown>;

/** Finds the statement that reads `table`, and reads its columns by TypeORM's `alias_column` names. */
function statementOn(statements: Statement[], table: string, join?: string) {
  const statement = statementReading(statements, table);
  const alias = new RegExp(`FROM "${table}" "(\\w+)"`).exec(statement.sql)![1];
  const joined = join ? new RegExp(`JOIN "${join}" "(\\w+)"`).exec(statement.sql)?.[1] : undefined;
  if (join && !joined) throw new Error(`the statement on "${table}" does not join "${join}"`);
  const column = (row: Row, name: string, of = alias) => {
    const key = `${of}_${name}`;
    if (!(key in row)) throw new Error(`no column ${key} in the rows of "${table}"`);
    return row[key];
  };
  return { statement, column, joined: joined! };
}

const run = (db: Sqlite, { sql, parameters }: Statement) => db.all<Row>(sql, parameters);

/** Conference, page, then rooms, tracks and line-ups at once (as DataLoader batches them). */
function pageReader(statements: Statement[]) {
  const conferences = statementOn(statements, 'conferences');
  const sessions = statementOn(statements, 'sessions');
  const rooms = statementOn(statements, 'rooms');
  const tracks = statementOn(statements, 'tracks');
  const appearances = statementOn(statements, 'appearances', 'speakers');
  return async (db: Sqlite, first: number) => {
    const [conference] = await run(db, conferences.statement);
    const defaultLocale = String(conferences.column(conference, 'defaultLocale'));
    const pageRows = (await run(db, sessions.statement)).slice(0, first);
    const [roomRows, trackRows, appearanceRows] = await Promise.all([
      run(db, rooms.statement),
      run(db, tracks.statement),
      run(db, appearances.statement),
    ]);
    const roomNames = new Map(roomRows.map((row) => [rooms.column(row, 'id'), rooms.column(row, 'name')]));
    const trackNames = new Map(trackRows.map((row) => [tracks.column(row, 'id'), tracks.column(row, 'name')]));
    const lineUps = new Map<unknown, { role: unknown; speaker: { name: unknown } }[]>();
    for (const row of appearanceRows) {
      const sessionId = appearances.column(row, 'sessionId');
      const lineUp = lineUps.get(sessionId) ?? [];
      lineUp.push({ role: appearances.column(row, 'role'), speaker: { name: appearances.column(row, 'name', appearances.joined) } });
      lineUps.set(sessionId, lineUp);
    }
    return pageRows.map((row) => {
      const roomId = sessions.column(row, 'roomId');
      const trackId = sessions.column(row, 'trackId');
      return {
        node: {
          title: localise(JSON.parse(String(sessions.column(row, 'title'))) as LocalisedText, undefined, defaultLocale),
          startsAt: sessions.column(row, 'startsAt'),
          room: roomId === null ? null : { name: roomNames.get(roomId) },
          track: trackId === null ? null : { name: trackNames.get(trackId) },
          appearances: lineUps.get(sessions.column(row, 'id')) ?? [],
        },
      };
    });
  };
}

/** The speaker, and the bio in the first locale rendered from Markdown (the same renderer settings). */
function speakerReader(statements: Statement[]) {
  const speakers = statementOn(statements, 'speakers');
  return async (db: Sqlite) => {
    const [row] = await run(db, speakers.statement);
    const bio = localise(JSON.parse(String(speakers.column(row, 'bio'))) as LocalisedText, undefined);
    return { name: speakers.column(row, 'name'), bio: inFormat(bio, TextFormat.HTML) };
  };
}
