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
  lectern: Omit<ColdFeedResult, 'body'>;
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
  // After Lectern's builds, so both read the programme with the same changes in it.
  const bare = await measureBareBuild(prepared.sqlitePath, builds, (db) => bareFeed(db, prepared.feed.statements, addresses));
  log(`  Lectern ${measured.medianMs.toFixed(0)} ms, bare ${bare.medianMs.toFixed(0)} ms (${measured.bytes} and ${bare.bytes} bytes)`);
  const withoutBody = ({ body: _, ...rest }: ColdFeedResult) => rest;
  return {
    sessions: prepared.programme.plan.sessions,
    lectern: withoutBody(measured),
    bare: withoutBody(bare),
    sameBytes: withoutLedgerStamps(measured.body) === withoutLedgerStamps(bare.body),
  };
}

/**
 * Time to the first whole-conference feed after a change: a session is retitled through GraphQL
 * (as an organiser would), then the feed is requested once and read to its end. The first round
 * warms up the code paths and is not counted.
 */
export function measureColdFeed(lectern: ServerProcess, programme: GeneratedProgramme, builds: number): Promise<ColdFeedResult> {
  return measureColdBuild(lectern, programme, builds, feedPath(programme.conferenceSlug), 0);
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
): Promise<ColdFeedResult> {
  const url = `${lectern.url}${path}`;
  const current = await fetch(url, { headers });
  await current.arrayBuffer();
  let previousEtag = current.headers.get('etag');
  const buildsMs: number[] = [];
  let body = '';
  for (let round = 0; round <= builds; round++) {
    await retitle(lectern, programme, firstRound + round);
    const started = performance.now();
    const response = await fetch(url, { headers });
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

async function retitle(lectern: ServerProcess, programme: GeneratedProgramme, round: number): Promise<void> {
  const id = programme.sessionIds[round % programme.sessionIds.length];
  const response = await fetch(`${lectern.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${programme.adminToken}` },
    body: graphqlBody(RETITLE_SESSION, {
      id: String(id),
      title: [
        { locale: 'sv', text: `Ändrad programpunkt ${id}, version ${round}` },
        { locale: 'en', text: `Changed session ${id}, version ${round}` },
      ],
    }),
  });
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
