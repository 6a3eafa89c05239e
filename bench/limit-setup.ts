import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DATA_LIMIT_PAGE, DATA_LIMIT_SPEAKER } from './data-limit';
import { replayableHeaders } from './response-headers';
import type { StaticFeed } from './static-limit';
import type { LimitSetup } from './limit-server';
import { PAGE_SIZE, pageRequest, PreparedProgramme, speakerRequest } from './prepare';
import { ServerProcess, StartOptions } from './processes';
import { exportPath } from './cold-export';
import { PAGE_HEADERS, programmePagePath } from './cold-page';
import { feedPath, trackFeedPath } from './queries';

export interface Limits {
  staticLimit: ServerProcess;
  dataLimit: ServerProcess;
  /** The whole-conference feed, the track feed, then the conference's schedule.xml, as Lectern served them. */
  feeds: StaticFeed[];
  /** The conference's programme page (the site's list view), as Lectern served it: the static limit sends it too. */
  page: StaticFeed;
}

type Start = (name: string, script: string, options: StartOptions) => Promise<ServerProcess>;

/**
 * Starts both limits with what the running Lectern answers (the feeds' bytes and headers, its
 * GraphQL headers) and the statements recorded in-process, then checks that each limit answers
 * exactly what Lectern answers: otherwise a ratio would compare different work.
 */
export async function startLimits(lectern: ServerProcess, base: PreparedProgramme, directory: string, start: Start): Promise<Limits> {
  const feeds = await fetchFeeds(lectern, base);
  const page = await fetchServed(lectern, programmePagePath(base.programme.conferenceSlug), PAGE_HEADERS);
  const served = [...feeds, page];
  const staticLimit = await start('static limit', 'limit-server.js', {
    args: [
      writeSetup(directory, 'static', {
        kind: 'static',
        feeds: served.map(({ body, ...feed }, i) => ({ ...feed, file: writeFeed(directory, i, body) })),
      }),
    ],
  });
  const dataLimit = await start('data limit', 'limit-server.js', {
    args: [
      writeSetup(directory, 'data', {
        kind: 'data',
        sqlitePath: base.sqlitePath,
        statements: { page: base.page.statements, speaker: base.speaker.statements },
        headers: await graphqlHeaders(lectern, base),
      }),
    ],
  });
  await checkLimitsAnswerTheSame(lectern, staticLimit, dataLimit, base, served);
  return { staticLimit, dataLimit, feeds, page };
}

/** The whole-conference and track feeds and schedule.xml as Lectern serves them (bytes and headers): the static limit sends these. */
async function fetchFeeds(lectern: ServerProcess, base: PreparedProgramme): Promise<StaticFeed[]> {
  const { conferenceSlug, trackSlug } = base.programme;
  const feeds: StaticFeed[] = [];
  for (const path of [feedPath(conferenceSlug), trackFeedPath(conferenceSlug, trackSlug), exportPath(conferenceSlug)])
    feeds.push(await fetchServed(lectern, path));
  return feeds;
}

/** One answer as Lectern serves it (bytes and headers, of its 200 and of its 304), asked with `headers`. */
async function fetchServed(lectern: ServerProcess, path: string, headers: Record<string, string> = {}): Promise<StaticFeed> {
  const response = await fetch(`${lectern.url}${path}`, { headers });
  if (response.status !== 200) throw new Error(`${path} answered ${response.status}`);
  const etag = response.headers.get('etag')!;
  const body = Buffer.from(await response.arrayBuffer());
  const revalidated = await fetch(`${lectern.url}${path}`, { headers: { ...headers, 'if-none-match': etag } });
  if (revalidated.status !== 304) throw new Error(`${path} answered ${revalidated.status} to its own ETag`);
  return {
    path,
    etag,
    body,
    headers: replayableHeaders(response.headers),
    notModifiedHeaders: replayableHeaders(revalidated.headers),
    requestHeaders: headers,
  };
}

/** The headers Lectern sends with a GraphQL answer: the data limit sends the same. */
async function graphqlHeaders(lectern: ServerProcess, base: PreparedProgramme) {
  const response = await fetch(`${lectern.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: pageRequest(base.programme, PAGE_SIZE).body,
  });
  await response.arrayBuffer();
  return replayableHeaders(response.headers);
}

/** Each limit must give what Lectern gives, or the ratio compares different work. */
async function checkLimitsAnswerTheSame(
  lectern: ServerProcess,
  staticLimit: ServerProcess,
  dataLimit: ServerProcess,
  base: PreparedProgramme,
  feeds: StaticFeed[],
) {
  const post = async (server: ServerProcess, path: string, body: string) => {
    const response = await fetch(`${server.url}${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
    return { body: await response.text(), headers: JSON.stringify(replayableHeaders(response.headers)) };
  };
  const page = pageRequest(base.programme, PAGE_SIZE).body!;
  const speaker = speakerRequest(base.programme).body!;
  const pairs: [string, { body: string; headers: string }, { body: string; headers: string }][] = [
    ['GraphQL page', await post(lectern, '/graphql', page), await post(dataLimit, DATA_LIMIT_PAGE, page)],
    ['speaker', await post(lectern, '/graphql', speaker), await post(dataLimit, DATA_LIMIT_SPEAKER, speaker)],
  ];
  for (const [what, fromLectern, fromLimit] of pairs) {
    if (fromLectern.body !== fromLimit.body) {
      const at = [...fromLectern.body].findIndex((c, i) => c !== fromLimit.body[i]);
      throw new Error(
        `the data limit's ${what} differs from Lectern's at ${at}: …${fromLectern.body.slice(at - 40, at + 40)}… vs …${fromLimit.body.slice(at - 40, at + 40)}…`,
      );
    }
    if (fromLectern.headers !== fromLimit.headers)
      throw new Error(`the data limit's ${what} headers differ: ${fromLectern.headers} vs ${fromLimit.headers}`);
  }
  for (const feed of feeds) {
    const full = await Promise.all(
      [lectern, staticLimit].map(async (server) => {
        const response = await fetch(`${server.url}${feed.path}`, { headers: feed.requestHeaders });
        const body = Buffer.from(await response.arrayBuffer());
        if (response.status !== 200 || !body.equals(feed.body))
          throw new Error(`${server.name} no longer sends the bytes of ${feed.path} it sent`);
        return JSON.stringify(replayableHeaders(response.headers));
      }),
    );
    if (full[0] !== full[1]) throw new Error(`the static limit's headers of ${feed.path} differ from Lectern's: ${full[1]} vs ${full[0]}`);
    const revalidations = await Promise.all(
      [lectern, staticLimit].map(async (server) => {
        const response = await fetch(`${server.url}${feed.path}`, { headers: { ...feed.requestHeaders, 'if-none-match': feed.etag } });
        if (response.status !== 304) throw new Error(`${server.name} answered ${response.status} to a current ETag of ${feed.path}`);
        return JSON.stringify(replayableHeaders(response.headers));
      }),
    );
    if (revalidations[0] !== revalidations[1])
      throw new Error(`the static limit's 304 of ${feed.path} differs from Lectern's: ${revalidations[1]} vs ${revalidations[0]}`);
  }
}

function writeSetup(directory: string, name: string, setup: LimitSetup): string {
  const path = join(directory, `${name}-limit.json`);
  writeFileSync(path, JSON.stringify(setup));
  return path;
}

function writeFeed(directory: string, index: number, body: Buffer): string {
  const path = join(directory, `feed-${index}`);
  writeFileSync(path, body);
  return path;
}
