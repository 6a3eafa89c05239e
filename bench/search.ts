import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { DataSource } from 'typeorm';
import { searchable } from '../src/common/localisation';
import { searchEngineOf } from '../src/search/search-engines';
import { queryTokens } from '../src/search/search-terms';
import { SearchService } from '../src/search/search.service';
import { generateProgramme, GeneratedProgramme } from './generate';
import { withLectern } from './in-process';
import { log } from './log';
import { graphqlBody } from './queries';
import { recordRequest } from './statements';
import { planFor } from './synthetic';

/**
 * Full-text search over the generated conference: `sessions(filter: { text })` through the whole
 * HTTP pipeline, and the SQL that narrows it against the LIKE scan it replaced. In-process (no
 * load generator runs meanwhile), so the figures are latencies, not throughput.
 */

const SEARCH_PAGE = `query Search($slug: String!, $text: String!) {
  sessions(conferenceSlug: $slug, first: 20, filter: { text: $text }) { totalCount edges { node { title startsAt } } }
}`;

/** Words the synthetic programme has: a subject, an angle, a surname, part of a name, a word every abstract has, none. */
const TEXTS = ['öppna data', 'framtiden', 'sandström', 'ström', 'kommuner', 'lanér molntjänster', 'xyzzy'];
const RUNS = 30;

export interface SearchMeasurement {
  text: string;
  totalCount: number;
  /** Median of the whole GraphQL request, in-process. */
  requestMs: number;
  /** Median of the counting statement through the index, and of the same count by LIKE. */
  indexSqlMs: number;
  likeSqlMs: number;
}

/**
 * The benchmark's database is filled by raw inserts (see generate.ts), which the search index
 * does not see: rebuild it first, as after any bulk load, then measure.
 */
export async function measureSearch(
  sqlitePath: string,
  programme: Pick<GeneratedProgramme, 'conferenceSlug'>,
): Promise<SearchMeasurement[]> {
  return withLectern(sqlitePath, async (app) => {
    const dataSource = app.get(DataSource);
    const rebuildStarted = performance.now();
    await app.get(SearchService).rebuild();
    log(`search: index rebuilt in ${((performance.now() - rebuildStarted) / 1000).toFixed(1)} s`);
    const [{ id: conferenceId }] = await dataSource.query(`SELECT "id" FROM "conferences" WHERE "slug" = ?`, [programme.conferenceSlug]);
    const results: SearchMeasurement[] = [];
    for (const text of TEXTS) {
      const body = graphqlBody(SEARCH_PAGE, { slug: programme.conferenceSlug, text });
      const first = await recordRequest(app, { method: 'POST', url: '/graphql', body });
      const parsed = JSON.parse(first.body) as { data?: { sessions: { totalCount: number } }; errors?: unknown };
      if (first.status !== 200 || !parsed.data) throw new Error(`search for "${text}" failed: ${first.body.slice(0, 300)}`);
      const requestMs = await median(async () => {
        await app
          .getHttpAdapter()
          .getInstance()
          .inject({ method: 'POST', url: '/graphql', headers: { 'content-type': 'application/json' }, payload: body });
      });
      const indexed = indexedCount(dataSource, conferenceId, text);
      const scanned = likeCount(conferenceId, text);
      const [indexRows, likeRows] = [
        await dataSource.query(indexed.sql, indexed.parameters),
        await dataSource.query(scanned.sql, scanned.parameters),
      ];
      results.push({
        text,
        totalCount: parsed.data.sessions.totalCount,
        requestMs,
        indexSqlMs: await median(() => dataSource.query(indexed.sql, indexed.parameters)),
        likeSqlMs: await median(() => dataSource.query(scanned.sql, scanned.parameters)),
      });
      const last = results[results.length - 1];
      log(
        `search "${text}": ${last.totalCount} sessions (LIKE finds ${likeRows[0].count}, index ${indexRows[0].count}); ` +
          `request ${last.requestMs.toFixed(2)} ms; SQL count ${last.indexSqlMs.toFixed(2)} ms by index, ${last.likeSqlMs.toFixed(2)} ms by LIKE`,
      );
    }
    return results;
  });
}

/** The count the sessions query runs, narrowed the way SessionService narrows it (SQLite). */
function indexedCount(dataSource: DataSource, conferenceId: number, text: string): { sql: string; parameters: unknown[] } {
  const { sql, parameters } = searchEngineOf(dataSource.manager).matching('sessions', '"s"."id"', queryTokens(text) ?? []);
  const [match] = Object.values(parameters);
  return {
    sql: `SELECT COUNT(*) AS "count" FROM "sessions" "s" WHERE "s"."conferenceId" = ? AND ${sql.replace(/:\w+/, '?')}`,
    parameters: [conferenceId, match],
  };
}

/** The LIKE scan the sessions query ran before the index: each word in the texts or in a speaker's name. */
function likeCount(conferenceId: number, text: string): { sql: string; parameters: unknown[] } {
  const patterns = searchWords(text);
  const conditions = patterns.map(
    () =>
      `("s"."searchText" LIKE ? ESCAPE '\\' OR EXISTS (SELECT 1 FROM "appearances" "ta" INNER JOIN "speakers" "tsp" ON "tsp"."id" = "ta"."speakerId" WHERE "ta"."sessionId" = "s"."id" AND "tsp"."searchText" LIKE ? ESCAPE '\\'))`,
  );
  return {
    sql: `SELECT COUNT(*) AS "count" FROM "sessions" "s" WHERE "s"."conferenceId" = ? AND ${conditions.join(' AND ')}`,
    parameters: [conferenceId, ...patterns.flatMap((pattern) => [pattern, pattern])],
  };
}

async function median(work: () => Promise<unknown>): Promise<number> {
  await work();
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const started = performance.now();
    await work();
    times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)];
}

/** On its own: `node dist-bench/bench/search.js [sessions]` generates a programme and measures only this. */
async function main(): Promise<void> {
  const sessions = Number(process.argv[2] ?? 2000);
  const directory = mkdtempSync(join(tmpdir(), 'lectern-bench-search-'));
  try {
    const sqlitePath = join(directory, 'programme.sqlite');
    log(`generating ${sessions} sessions`);
    const programme = await withLectern(sqlitePath, (app: NestFastifyApplication) => generateProgramme(app, planFor(sessions)));
    await measureSearch(sqlitePath, programme);
  } finally {
    rmSync(directory, { recursive: true, force: true });
  }
}

if (require.main === module) {
  main().catch((error) => {
    console.error(error);
    process.exit(1);
  });
}

/** The LIKE search the index replaced, kept here to compare with: a pattern per word, matched anywhere. */
function searchWords(text: string | undefined): string[] {
  if (!text) return [];
  return searchable(text)
    .split(/\s+/)
    .filter((word) => word !== '')
    .slice(0, 10)
    .map((word) => `%${word.replace(/[\\%_]/g, (c) => `\\${c}`)}%`);
}
