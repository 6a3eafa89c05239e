import { execFile } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { exportPath } from './cold-export';
import { lecternEnvironment } from './environment';
import { GeneratedProgramme } from './generate';
import { log } from './log';
import { ServerProcess } from './processes';
import { graphqlBody } from './queries';

const run = promisify(execFile);
/** The command line as the bench compiled it (dist-bench/src/cli.js, next to this file's dist-bench/bench/). */
const CLI = join(__dirname, '../src/cli.js');
const SMALL = 500;
const IMPORT = `mutation ($conferenceId: ID!, $document: String!) {
  importProgramme(conferenceId: $conferenceId, format: SCHEDULE_JSON, document: $document) { created { sessions speakers rooms } } }`;

export interface ImportSize {
  sessions: number;
  bytes: number;
  ms: number;
  msPerSession: number;
}

export interface ImportTiming {
  /** How the documents went in: the importProgramme mutation, or the command line when the body limit refuses the large one. */
  path: 'mutation' | 'cli';
  /** Why the mutation was not used (the answer to the large document), when it was not. */
  mutationRefused: string | null;
  /** For the command line: one process importing an empty document, taken off each figure (Nest's start, not the import). */
  cliStartMs: number | null;
  sizes: ImportSize[];
  /** Time per session of the large import over that of the small one: about 1 when import time is linear in size. */
  linearity: number;
}

type ScheduleJson = { schedule: { conference: { days: { rooms: Record<string, unknown[]> }[] } } };

/** How many events a schedule.json holds (published sessions and breaks). */
const eventsIn = (document: string) =>
  (JSON.parse(document) as ScheduleJson).schedule.conference.days.reduce(
    (sum, day) => sum + Object.values(day.rooms).reduce((n, events) => n + events.length, 0),
    0,
  );

/** The first `sessions` events of a schedule.json, the days and rooms they are in kept. */
function firstEvents(document: string, sessions: number): string {
  const parsed = JSON.parse(document) as ScheduleJson;
  let left = sessions;
  for (const day of parsed.schedule.conference.days) {
    for (const [room, events] of Object.entries(day.rooms)) {
      day.rooms[room] = events.slice(0, Math.max(0, left));
      left -= day.rooms[room].length;
    }
  }
  return JSON.stringify(parsed);
}

/**
 * Import time (issue 15): the main programme's schedule.json (its 2,000 sessions), exported by
 * Lectern, imported into an empty conference, timed; then its first 500 sessions into another, to
 * see whether the time is linear in size. Through the mutation; when the request body limit
 * (MAX_BODY_BYTES) refuses the large document, through `programme:import` on the same database.
 */
export async function measureImportTime(lectern: ServerProcess, main: GeneratedProgramme, sqlitePath: string, directory: string) {
  const ask = async (query: string, variables: Record<string, unknown>) => {
    const response = await fetch(`${lectern.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${main.adminToken}` },
      body: graphqlBody(query, variables),
    });
    const text = await response.text();
    const result = (response.headers.get('content-type') ?? '').includes('json') ? JSON.parse(text) : null;
    return { status: response.status, data: result?.data, errors: result?.errors ?? (result ? undefined : text.slice(0, 200)) };
  };
  let conferences = 0;
  const emptyConference = async () => {
    const slug = `import-${++conferences}-${Date.now().toString(36)}`;
    const { data, errors } = await ask(`mutation ($input: CreateConferenceInput!) { createConference(input: $input) { id slug } }`, {
      input: {
        slug,
        name: `Import ${conferences}`,
        startDate: '2030-05-06',
        endDate: '2030-05-10',
        timeZone: 'Europe/Stockholm',
        defaultLocale: 'sv',
      },
    });
    if (!data?.createConference) throw new Error(`createConference failed: ${JSON.stringify(errors)}`);
    return data.createConference as { id: string; slug: string };
  };

  const response = await fetch(`${lectern.url}${exportPath(main.conferenceSlug, 'schedule.json')}`);
  const large = await response.text();
  if (response.status !== 200) throw new Error(`schedule.json answered ${response.status}`);
  const documents = [
    { sessions: eventsIn(large), document: large },
    { sessions: SMALL, document: firstEvents(large, SMALL) },
  ];

  const viaMutation = async (document: string) => {
    const conference = await emptyConference();
    const started = performance.now();
    const answer = await ask(IMPORT, { conferenceId: conference.id, document });
    return { ms: performance.now() - started, answer };
  };
  const first = await viaMutation(large);
  const refused = first.answer.data?.importProgramme
    ? null
    : `HTTP ${first.answer.status}: ${JSON.stringify(first.answer.errors).slice(0, 200)}`;

  const timings: number[] = [];
  let cliStartMs: number | null = null;
  if (!refused) {
    timings.push(first.ms, (await viaMutation(documents[1].document)).ms);
  } else {
    log(`  the mutation refused the ${Buffer.byteLength(large)}-byte document (${refused}); timing programme:import instead`);
    const env = { ...process.env, ...lecternEnvironment(sqlitePath) };
    const viaCli = async (document: string) => {
      const conference = await emptyConference();
      const file = join(directory, `import-${conference.slug}.json`);
      writeFileSync(file, document);
      const started = performance.now();
      await run(process.execPath, [CLI, 'programme:import', '--conference', conference.slug, '--file', file, '--format', 'SCHEDULE_JSON'], {
        env,
        maxBuffer: 64 * 1024 * 1024,
      });
      return performance.now() - started;
    };
    cliStartMs = await viaCli(firstEvents(large, 0));
    log(`  programme:import of an empty document: ${(cliStartMs / 1000).toFixed(2)} s, taken off each figure`);
    for (const { document } of documents) timings.push((await viaCli(document)) - cliStartMs);
  }
  const sizes = documents.map(({ sessions, document }, i) => ({
    sessions,
    bytes: Buffer.byteLength(document),
    ms: timings[i],
    msPerSession: timings[i] / sessions,
  }));
  const result: ImportTiming = {
    path: refused ? 'cli' : 'mutation',
    mutationRefused: refused,
    cliStartMs,
    sizes,
    linearity: sizes[0].msPerSession / sizes[1].msPerSession,
  };
  for (const size of sizes) {
    log(
      `  ${size.sessions} sessions (${size.bytes} bytes): ${(size.ms / 1000).toFixed(2)} s, ${size.msPerSession.toFixed(2)} ms a session`,
    );
  }
  log(`  per session, ${sizes[0].sessions} over ${sizes[1].sessions}: ${result.linearity.toFixed(2)}× (1 is linear), via ${result.path}`);
  return result;
}
