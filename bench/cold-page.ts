import { ColdFeedResult, measureColdFeed, median } from './cold-feed';
import { graphqlAs } from './queries';
import { GeneratedProgramme } from './generate';
import { log } from './log';
import { ServerProcess } from './processes';

/** The site's programme page of a conference (the list view, no filter). */
export const programmePagePath = (conferenceSlug: string) => `/${encodeURIComponent(conferenceSlug)}`;

/**
 * What a browser sends with every page request (a Swedish one: the conference's default language
 * too), in the load runs, the cold builds and when the static limit's copy is fetched: every one
 * asks for the same page, the one cached under the same key.
 */
export const PAGE_HEADERS: Record<string, string> = { 'accept-language': 'sv-SE,sv;q=0.9,en;q=0.8' };

/** Rounds of the cold page's feed are numbered from here, so their new titles are no other measurement's. */
const FEED_FIRST_ROUND = 3000;

/**
 * The most a cold page build may take against the cold feed build of the same conference, in the
 * same process and run. Both are built by the same cache from the same published view of the same
 * 2,000 sessions, each built in full; the page writes HTML (with its filter choices) where the
 * feed writes iCal (through the calendar ledger). Half as much again is the bound the other cold
 * builds have against their bare builds.
 */
export const COLD_PAGE_BOUND = 1.5;

export interface ColdPageComparison {
  sessions: number;
  page: Omit<ColdFeedResult, 'body'>;
  /** The whole-conference feed's cold build, measured right after the page's in the same way. */
  feed: Omit<ColdFeedResult, 'body'>;
}

/**
 * Zones at Stockholm's offset, one per full page build: a conference's new zone makes every piece
 * of its page new (each is kept by the zone it shows its times in), while its times stay the same.
 */
const SAME_OFFSET_ZONES = [
  'Europe/Oslo',
  'Europe/Copenhagen',
  'Europe/Berlin',
  'Europe/Paris',
  'Europe/Amsterdam',
  'Europe/Brussels',
  'Europe/Vienna',
  'Europe/Rome',
  'Europe/Madrid',
  'Europe/Prague',
  'Europe/Zurich',
  'Europe/Warsaw',
];

/**
 * Time to the programme page built in full after a change: the conference moves to another zone
 * at the same offset (through GraphQL, as an organiser would), so every session's piece is
 * rendered again, then the page is requested once and read to its end, `builds` times after one
 * not counted. Then the same for the conference's feed built in full (see `measureColdFeed`): the
 * page's bound is that feed build. The conference goes back to its own zone after.
 */
export async function compareColdPage(lectern: ServerProcess, programme: GeneratedProgramme, builds: number): Promise<ColdPageComparison> {
  if (builds + 1 > SAME_OFFSET_ZONES.length) throw new Error(`at most ${SAME_OFFSET_ZONES.length - 1} full page builds`);
  const ask = graphqlAs(lectern.url, programme.adminToken);
  const { conference } = await ask('query ($slug: String!) { conference(slug: $slug) { id timeZone } }', {
    slug: programme.conferenceSlug,
  });
  const moveTo = (timeZone: string) =>
    ask('mutation ($input: UpdateConferenceInput!) { updateConference(input: $input) { id } }', { input: { id: conference.id, timeZone } });
  const url = `${lectern.url}${programmePagePath(programme.conferenceSlug)}`;
  const buildsMs: number[] = [];
  let body = '';
  try {
    for (let round = 0; round <= builds; round++) {
      await moveTo(SAME_OFFSET_ZONES[round]);
      const started = performance.now();
      const response = await fetch(url, { headers: PAGE_HEADERS });
      body = await response.text();
      const elapsed = performance.now() - started;
      if (response.status !== 200) throw new Error(`the programme page answered ${response.status}`);
      if (round > 0) buildsMs.push(elapsed);
    }
  } finally {
    await moveTo(conference.timeZone);
  }
  const page = { buildsMs, medianMs: median(buildsMs), bytes: Buffer.byteLength(body) };
  const feed = await measureColdFeed(lectern, programme, builds, FEED_FIRST_ROUND);
  log(`  page ${page.medianMs.toFixed(0)} ms, feed ${feed.medianMs.toFixed(0)} ms (${page.bytes} and ${feed.bytes} bytes)`);
  const { body: _, ...feedWithoutBody } = feed;
  return { sessions: programme.plan.sessions, page, feed: feedWithoutBody };
}
