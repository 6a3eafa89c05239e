import { freshLocale, median } from './cold-feed';
import { GeneratedProgramme } from './generate';
import { log } from './log';
import { ServerProcess } from './processes';
import { feedPath, graphqlAs, RETITLE_SESSION } from './queries';

/** Sessions in the second conference: enough that building its feed takes far longer than serving it warm. */
const OTHER_SESSIONS = 300;
const OTHER_SLUG = 'andra-konferensen-2030';
const ROUNDS = 5;

export interface OtherConferenceTiming {
  sessions: number;
  /** Its feed built in full after a change of its own (in a locale not asked for before: every event rendered). */
  coldMs: number;
  /** Its feed served warm. */
  warmMs: number;
  /** Its feed right after a change in the main conference, each round. */
  afterOtherChangeMs: number[];
  afterOtherChangeMedianMs: number;
  /** Whether every one of those answers was the same version (ETag) as before the change. */
  unchanged: boolean;
}

/**
 * A change in one conference must cost no rebuild of another's feeds. A second conference is
 * made through GraphQL, its feed timed built in full (after a change of its own) and warm, then after each
 * of several changes in the main conference: those answers must be as fast as warm ones, far from
 * a build.
 */
export async function measureOtherConference(lectern: ServerProcess, main: GeneratedProgramme): Promise<OtherConferenceTiming> {
  const ask = graphqlAs(lectern.url, main.adminToken);
  log(`  a second conference of ${OTHER_SESSIONS} sessions`);
  const { createConference } = await ask(`mutation ($input: CreateConferenceInput!) { createConference(input: $input) { id } }`, {
    input: {
      slug: OTHER_SLUG,
      name: 'Andra konferensen 2030',
      startDate: '2030-06-01',
      endDate: '2030-06-02',
      timeZone: 'Europe/Stockholm',
      defaultLocale: 'sv',
    },
  });
  const sessionIds: string[] = [];
  for (let i = 0; i < OTHER_SESSIONS; i++) {
    const minutes = (i % 40) * 15;
    const starts = new Date(Date.UTC(2030, 5, 1 + (i % 2), 7, minutes));
    const { createSession } = await ask(`mutation ($input: CreateSessionInput!) { createSession(input: $input) { id } }`, {
      input: {
        conferenceId: createConference.id,
        title: [{ locale: 'sv', text: `Programpunkt ${i + 1}` }],
        abstract: [{ locale: 'sv', text: `Om programpunkt ${i + 1}, i **några** meningar.` }],
        format: 'TALK',
        language: 'sv',
        startsAt: starts.toISOString(),
        endsAt: new Date(starts.getTime() + 30 * 60_000).toISOString(),
      },
    });
    await ask(`mutation ($id: ID!) { publishSession(id: $id) { id } }`, { id: createSession.id });
    sessionIds.push(createSession.id);
  }
  await ask(`mutation ($id: ID!) { publishConference(id: $id) { id } }`, { id: createConference.id });

  const url = `${lectern.url}${feedPath(OTHER_SLUG)}`;
  const timed = async (query = '') => {
    const started = performance.now();
    const response = await fetch(`${url}${query}`);
    await response.arrayBuffer();
    if (response.status !== 200) throw new Error(`the second conference's feed answered ${response.status}`);
    return { ms: performance.now() - started, etag: response.headers.get('etag') };
  };
  const retitle = (id: string, text: string) => ask(RETITLE_SESSION, { id, title: [{ locale: 'sv', text }] });

  await timed();
  const colds: number[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    await retitle(sessionIds[round], `Ändrad programpunkt, version ${round}`);
    colds.push((await timed(`?locale=${freshLocale()}`)).ms);
  }
  const warm: number[] = [];
  for (let round = 0; round < ROUNDS; round++) warm.push((await timed()).ms);
  const before = (await timed()).etag;
  const afterOtherChangeMs: number[] = [];
  let unchanged = true;
  for (let round = 0; round < ROUNDS; round++) {
    await retitle(String(main.sessionIds[round % main.sessionIds.length]), `Ändrad i huvudkonferensen, version ${round}`);
    const answer = await timed();
    afterOtherChangeMs.push(answer.ms);
    unchanged &&= answer.etag === before;
  }
  const result = {
    sessions: OTHER_SESSIONS,
    coldMs: median(colds),
    warmMs: median(warm),
    afterOtherChangeMs,
    afterOtherChangeMedianMs: median(afterOtherChangeMs),
    unchanged,
  };
  log(
    `  its feed: cold ${result.coldMs.toFixed(1)} ms, warm ${result.warmMs.toFixed(1)} ms, after a change in the main conference ${result.afterOtherChangeMedianMs.toFixed(1)} ms`,
  );
  return result;
}
