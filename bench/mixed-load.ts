import { Pool } from 'undici';
import { retitleRequest } from './cold-feed';
import { PAGE_HEADERS, programmePagePath } from './cold-page';
import { GeneratedProgramme } from './generate';
import { log } from './log';
import { PAGE_SIZE, pageRequest, speakerRequest } from './prepare';
import { ServerProcess } from './processes';
import { feedPath, trackFeedPath } from './queries';

/** The mixed load: 50 connections (for 30 s: options.ts), one request in ten an organiser's change. */
export const MIXED_CONNECTIONS = 50;
const WRITE_EVERY = 10;

/**
 * The mixed load's changes are numbered from here (the round goes into each new title): far above
 * the cold builds' rounds, so that no change repeats a title a session already has — a change
 * that changes nothing would leave the feeds warm.
 */
const FIRST_ROUND = 10_000;

/** As long as load.ts lets autocannon wait for an answer. */
const TIMEOUT_MS = 10_000;

export const MIXED_READS = ['feed', 'track-feed', 'page', 'graphql-page', 'speaker-bio'] as const;
export type MixedKind = (typeof MIXED_READS)[number] | 'write';

interface MixedRequest {
  kind: MixedKind;
  method: 'GET' | 'POST';
  path: string;
  headers: Record<string, string>;
  body?: string;
  /** A GraphQL answer with `errors` is an error, whatever its status. */
  graphql: boolean;
}

export interface KindFigures {
  /** Requests sent and finished, answered or failed. */
  requests: number;
  errors: number;
  p50Ms: number;
  p99Ms: number;
}

export interface MixedLoadResult {
  connections: number;
  /** Seconds requests were sent for. */
  durationSeconds: number;
  /** Seconds measured: from the first request to the last answer (those sent before the end included). */
  seconds: number;
  /** Seconds of the same load first, not measured. */
  warmupSeconds: number;
  writeShare: number;
  /** Reads answered without errors. */
  reads: number;
  readsPerSecond: number;
  readP50Ms: number;
  readP99Ms: number;
  /** Changes answered without errors: each retitled a session. */
  writes: number;
  writeP50Ms: number;
  writeP99Ms: number;
  /** Socket errors, timeouts, answers with another status than 200, GraphQL answers with `errors`. */
  errors: number;
  byKind: Record<MixedKind, KindFigures>;
  /** The longest event-loop delay Lectern's process saw during the measured part (its histogram's max, 10 ms resolution). */
  loopDelayMaxMs: number;
  /** How busy Lectern was, in % of one core. */
  serverBusyPercent: number;
  /** Whether the whole-conference feed's ETag after the run differs from the one before: the changes reached the feeds. */
  feedChanged: boolean;
}

/**
 * Public reads of feeds, pages and bios with an organiser's change in between, against the running
 * Lectern: `connections` connections, each sending its next request as soon as the last one is
 * answered. Every tenth request retitles a session (a field the calendars show), so the feeds go
 * stale and are rebuilt while the reads go on; the other nine take the five reads in turn. After
 * `warmupSeconds` of the same load, the event loop's record is started over and `seconds` measured.
 */
export async function runMixedLoad(
  lectern: ServerProcess,
  programme: GeneratedProgramme,
  seconds: number,
  warmupSeconds: number,
  connections = MIXED_CONNECTIONS,
): Promise<MixedLoadResult> {
  const pool = new Pool(lectern.url, { connections, pipelining: 1, headersTimeout: TIMEOUT_MS, bodyTimeout: TIMEOUT_MS });
  const reads = readRequests(programme);
  let sent = 0;
  let readsSent = 0;
  const next = (): MixedRequest => {
    if (++sent % WRITE_EVERY === 0) {
      const { headers, body } = retitleRequest(programme, FIRST_ROUND + sent / WRITE_EVERY);
      return { kind: 'write', method: 'POST', path: '/graphql', headers, body, graphql: true };
    }
    return reads[readsSent++ % reads.length];
  };
  try {
    if (warmupSeconds > 0) await drive(pool, next, connections, warmupSeconds);
    const feedBefore = await feedEtag(pool, programme);
    await lectern.resetLoopDelay();
    const cpuBefore = lectern.cpuSeconds();
    const measured = await drive(pool, next, connections, seconds);
    const cpu = lectern.cpuSeconds() - cpuBefore;
    const loopDelayMaxMs = await lectern.readLoopDelay();
    const feedChanged = (await feedEtag(pool, programme)) !== feedBefore;

    const byKind = Object.fromEntries(
      KINDS.map((kind) => [kind, figures(measured.requests[kind], measured.errors[kind], measured.latencies[kind])]),
    ) as Record<MixedKind, KindFigures>;
    const overReads = (of: (kind: MixedKind) => number) => MIXED_READS.reduce((total, kind) => total + of(kind), 0);
    const read = figures(
      overReads((kind) => measured.requests[kind]),
      overReads((kind) => measured.errors[kind]),
      MIXED_READS.flatMap((kind) => measured.latencies[kind]),
    );
    const write = byKind.write;
    const result: MixedLoadResult = {
      connections,
      durationSeconds: seconds,
      seconds: measured.seconds,
      warmupSeconds,
      writeShare: 1 / WRITE_EVERY,
      reads: read.requests - read.errors,
      readsPerSecond: (read.requests - read.errors) / measured.seconds,
      readP50Ms: read.p50Ms,
      readP99Ms: read.p99Ms,
      writes: write.requests - write.errors,
      writeP50Ms: write.p50Ms,
      writeP99Ms: write.p99Ms,
      errors: Object.values(byKind).reduce((sum, kind) => sum + kind.errors, 0),
      byKind,
      loopDelayMaxMs,
      serverBusyPercent: (100 * cpu) / measured.seconds,
      feedChanged,
    };
    log(
      `  ${result.readsPerSecond.toFixed(0)} reads/s, writes p50 ${result.writeP50Ms.toFixed(1)} ms p99 ${result.writeP99Ms.toFixed(1)} ms ` +
        `(${result.writes} changes; the feed ${feedChanged ? 'changed' : 'DID NOT change'}), ${result.errors} errors, ` +
        `longest event-loop delay ${loopDelayMaxMs.toFixed(1)} ms`,
    );
    return result;
  } finally {
    await pool.close();
  }
}

/** The five public reads, as the load runs ask them (see scenarios.ts). */
function readRequests(programme: GeneratedProgramme): MixedRequest[] {
  const json = { 'content-type': 'application/json' };
  const { conferenceSlug, trackSlug } = programme;
  return [
    { kind: 'feed', method: 'GET', path: feedPath(conferenceSlug), headers: {}, graphql: false },
    { kind: 'track-feed', method: 'GET', path: trackFeedPath(conferenceSlug, trackSlug), headers: {}, graphql: false },
    { kind: 'page', method: 'GET', path: programmePagePath(conferenceSlug), headers: PAGE_HEADERS, graphql: false },
    { kind: 'graphql-page', method: 'POST', path: '/graphql', headers: json, body: pageRequest(programme, PAGE_SIZE).body, graphql: true },
    { kind: 'speaker-bio', method: 'POST', path: '/graphql', headers: json, body: speakerRequest(programme).body, graphql: true },
  ];
}

interface Driven {
  seconds: number;
  /** By kind: requests sent and finished (answered or failed), failures, and milliseconds to the end of each answer. */
  requests: Record<MixedKind, number>;
  errors: Record<MixedKind, number>;
  latencies: Record<MixedKind, number[]>;
}

const KINDS: readonly MixedKind[] = [...MIXED_READS, 'write'];
const byKindOf = <T>(value: () => T) => Object.fromEntries(KINDS.map((kind) => [kind, value()])) as Record<MixedKind, T>;

/** `connections` loops, each sending `next()` and reading its answer to the end, until `seconds` have passed. */
async function drive(pool: Pool, next: () => MixedRequest, connections: number, seconds: number): Promise<Driven> {
  const requests = byKindOf(() => 0);
  const errors = byKindOf(() => 0);
  const latencies = byKindOf((): number[] => []);
  const started = performance.now();
  const endsAt = started + seconds * 1000;
  const loop = async () => {
    while (performance.now() < endsAt) {
      const request = next();
      const sentAt = performance.now();
      requests[request.kind]++;
      try {
        const answer = await pool.request({ method: request.method, path: request.path, headers: request.headers, body: request.body });
        let failed = answer.statusCode !== 200;
        if (request.graphql) {
          const text = await answer.body.text();
          failed ||= text.startsWith('{"errors"') || text.includes('"errors":[');
        } else {
          await readToTheEnd(answer.body);
        }
        latencies[request.kind].push(performance.now() - sentAt);
        if (failed) errors[request.kind]++;
      } catch {
        errors[request.kind]++;
      }
    }
  };
  await Promise.all(Array.from({ length: connections }, loop));
  return { seconds: (performance.now() - started) / 1000, requests, errors, latencies };
}

/** As a calendar or a browser reads an answer, without keeping it (undici's dump() drops the connection past 128 KB). */
async function readToTheEnd(body: AsyncIterable<unknown>): Promise<void> {
  for await (const _chunk of body);
}

async function feedEtag(pool: Pool, programme: GeneratedProgramme): Promise<string | null> {
  const answer = await pool.request({ method: 'GET', path: feedPath(programme.conferenceSlug) });
  await readToTheEnd(answer.body);
  if (answer.statusCode !== 200) throw new Error(`the feed answered ${answer.statusCode}`);
  const etag = answer.headers.etag;
  return typeof etag === 'string' ? etag : null;
}

function figures(requests: number, errors: number, latencies: number[]): KindFigures {
  const sorted = [...latencies].sort((a, b) => a - b);
  return { requests, errors, p50Ms: percentile(sorted, 50), p99Ms: percentile(sorted, 99) };
}

/** Nearest rank: the smallest value at least `percent` % of the values do not exceed (NaN for none). */
function percentile(sorted: number[], percent: number): number {
  if (!sorted.length) return NaN;
  return sorted[Math.max(0, Math.ceil((percent / 100) * sorted.length) - 1)];
}
