import { bareFeed, BareFeedAddresses } from './bare-feed';
import { GeneratedProgramme } from './generate';
import { log } from './log';
import { PreparedProgramme } from './prepare';
import { ServerProcess } from './processes';
import { feedPath, graphqlBody, RETITLE_SESSION } from './queries';
import { openSqlite, Sqlite } from './sqlite';

export interface ColdFeedResult {
  /** Each measured build, in milliseconds. */
  buildsMs: number[];
  medianMs: number;
  bytes: number;
  /** The body of the last build, to compare with the bare build's. */
  body: string;
}

export interface ColdComparison {
  sessions: number;
  /** Full builds: every event rendered (the feed in a locale it had not been asked in). */
  lectern: Omit<ColdFeedResult, 'body'>;
  /** The same feed's build after a change to one session, when its other events are kept. */
  incremental: Omit<ColdFeedResult, 'body'>;
  bare: Omit<ColdFeedResult, 'body'>;
  /**
   * Whether the bare build wrote the very bytes Lectern served, but for the lines the calendar
   * ledger stamps (SEQUENCE, LAST-MODIFIED, DTSTAMP: the bare build has no ledger and takes the
   * rows' own): proof it built the same events.
   */
  sameBytes: boolean;
}

/** Lectern's cold feed build next to the bare build over the same database, `builds` times each. */
export async function compareColdFeed(
  lectern: ServerProcess,
  prepared: PreparedProgramme,
  builds: number,
  addresses: BareFeedAddresses,
): Promise<ColdComparison> {
  const measured = await measureColdFeed(lectern, prepared.programme, builds);
  const incremental = await measureColdBuild(lectern, prepared.programme, builds, feedPath(prepared.programme.conferenceSlug), 500);
  // After Lectern's builds, so both read the programme with the same changes in it.
  const bare = await measureBareBuild(prepared.sqlitePath, builds, (db) => bareFeed(db, prepared.feed.statements, addresses));
  log(
    `  Lectern ${measured.medianMs.toFixed(0)} ms (after one change ${incremental.medianMs.toFixed(0)} ms), bare ${bare.medianMs.toFixed(0)} ms`,
  );
  const withoutBody = ({ body: _, ...rest }: ColdFeedResult) => rest;
  return {
    sessions: prepared.programme.plan.sessions,
    lectern: withoutBody(measured),
    incremental: withoutBody(incremental),
    bare: withoutBody(bare),
    sameBytes: withoutLedgerStamps(incremental.body) === withoutLedgerStamps(bare.body),
  };
}

/**
 * English of a region, a new one for each full build of a run: every event of a locale not asked
 * for before is rendered afresh, as in a new process (which would also time its start-up), while
 * the feed is read and stamped as every build does.
 */
const REGIONS = 'GB US IE AU NZ CA ZA IN SG MT JM KE NG PH PK GH UG ZW BW BZ TT FJ HK GY LR SL ZM MW NA BS BB'.split(' ');
let fullBuilds = 0;
export function freshLocale(): string {
  if (fullBuilds >= REGIONS.length) throw new Error(`at most ${REGIONS.length} full feed builds in a run`);
  return `en-${REGIONS[fullBuilds++]}`;
}

/**
 * Time to a whole-conference feed built in full after a change: a session is retitled through
 * GraphQL (as an organiser would), then the feed is requested once, in a locale not asked for
 * before, and read to its end. The first round warms up the code paths and is not counted.
 */
export function measureColdFeed(
  lectern: ServerProcess,
  programme: GeneratedProgramme,
  builds: number,
  firstRound = 0,
): Promise<ColdFeedResult> {
  return measureColdBuild(lectern, programme, builds, feedPath(programme.conferenceSlug), firstRound, {}, () => `?locale=${freshLocale()}`);
}

/**
 * Time to the first answer at `path` after a change (see `measureColdFeed`). Rounds are numbered
 * from `firstRound`, which goes into the new titles: a measurement after another one gives
 * numbers of its own, so that no retitling repeats a title a session already has. `headers` go
 * with every request (a page's Accept-Language).
 */
export async function measureColdBuild(
  lectern: ServerProcess,
  programme: GeneratedProgramme,
  builds: number,
  path: string,
  firstRound: number,
  headers: Record<string, string> = {},
  queryOf?: (round: number) => string,
): Promise<ColdFeedResult> {
  const url = `${lectern.url}${path}`;
  const current = await fetch(url, { headers });
  await current.arrayBuffer();
  let previousEtag = queryOf ? null : current.headers.get('etag');
  const buildsMs: number[] = [];
  let body = '';
  for (let round = 0; round <= builds; round++) {
    await retitle(lectern, programme, firstRound + round);
    const started = performance.now();
    const response = await fetch(`${url}${queryOf?.(round) ?? ''}`, { headers });
    body = await response.text();
    const elapsed = performance.now() - started;
    const etag = response.headers.get('etag');
    if (response.status !== 200 || etag === previousEtag)
      throw new Error(`${path} did not change after a change (status ${response.status})`);
    previousEtag = etag;
    if (round > 0) buildsMs.push(elapsed);
  }
  return { buildsMs, medianMs: median(buildsMs), bytes: Buffer.byteLength(body), body };
}

/** A bare build, as many times (after one not counted), over the same database, in this (otherwise idle) process. */
export async function measureBareBuild(
  sqlitePath: string,
  builds: number,
  build: (db: Sqlite) => Promise<string>,
): Promise<ColdFeedResult> {
  const db = await openSqlite(sqlitePath);
  try {
    const buildsMs: number[] = [];
    let body = '';
    for (let round = 0; round <= builds; round++) {
      const started = performance.now();
      body = await build(db);
      if (round > 0) buildsMs.push(performance.now() - started);
    }
    return { buildsMs, medianMs: median(buildsMs), bytes: Buffer.byteLength(body), body };
  } finally {
    await db.close();
  }
}

/**
 * An admin's GraphQL request (to /graphql, POST) that retitles one of the sessions the benchmark
 * may change, taken in turn by `round`, which goes into the new title.
 */
export function retitleRequest(programme: GeneratedProgramme, round: number): { headers: Record<string, string>; body: string } {
  const id = programme.sessionIds[round % programme.sessionIds.length];
  return {
    headers: { 'content-type': 'application/json', authorization: `Bearer ${programme.adminToken}` },
    body: graphqlBody(RETITLE_SESSION, {
      id: String(id),
      title: [
        { locale: 'sv', text: `Ändrad programpunkt ${id}, version ${round}` },
        { locale: 'en', text: `Changed session ${id}, version ${round}` },
      ],
    }),
  };
}

async function retitle(lectern: ServerProcess, programme: GeneratedProgramme, round: number): Promise<void> {
  const response = await fetch(`${lectern.url}/graphql`, { method: 'POST', ...retitleRequest(programme, round) });
  const result = (await response.json()) as { errors?: unknown[] };
  if (result.errors) throw new Error(`the change failed: ${JSON.stringify(result.errors)}`);
}

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

function withoutLedgerStamps(feed: string): string {
  return feed.replace(/^(SEQUENCE|LAST-MODIFIED|DTSTAMP):.*$/gm, '');
}
