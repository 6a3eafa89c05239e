import { ColdFeedResult, measureColdBuild, measureColdFeed } from './cold-feed';
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

/** Rounds of the cold page are numbered from here (and its feed's from `FEED_FIRST_ROUND`), so their new titles are no other measurement's. */
const FIRST_ROUND = 2000;
const FEED_FIRST_ROUND = 3000;

/**
 * The most a cold page build may take against the cold feed build of the same conference, in the
 * same process and run. Both are built by the same cache from the same published view of the same
 * 2,000 sessions after the same change; the page writes HTML (with its filter choices) where the
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
 * Time to the first programme page after a change (a session retitled through GraphQL, then the
 * page requested once and read to its end, `builds` times after one not counted), then the same
 * for the conference's feed built in full (see `measureColdFeed`): the page's bound is that feed build.
 */
export async function compareColdPage(lectern: ServerProcess, programme: GeneratedProgramme, builds: number): Promise<ColdPageComparison> {
  const path = programmePagePath(programme.conferenceSlug);
  const page = await measureColdBuild(lectern, programme, builds, path, FIRST_ROUND, PAGE_HEADERS);
  const feed = await measureColdFeed(lectern, programme, builds, FEED_FIRST_ROUND);
  log(`  page ${page.medianMs.toFixed(0)} ms, feed ${feed.medianMs.toFixed(0)} ms (${page.bytes} and ${feed.bytes} bytes)`);
  const withoutBody = ({ body: _, ...rest }: ColdFeedResult) => rest;
  return { sessions: programme.plan.sessions, page: withoutBody(page), feed: withoutBody(feed) };
}
