// The feed's own pure parts: the mapping of a published session to a calendar entry and the
// renderer (ical-generator, and the lines RFC 7986 adds). They are what a feed says, not overhead,
// so the bare build shares them and its document comes out the same, byte for byte.
import { calendarSession } from '../src/calendar/calendar-session';
import { MultidayDisplay } from '../src/calendar/feed-parameters';
import { renderFeed } from '../src/calendar/feed-renderer';
import { localise } from '../src/common/localisation';
import { readBareProgramme } from './bare-programme';
import { Sqlite } from './sqlite';
import { Statement } from './statements';

/**
 * The bare cost of a whole-conference feed: the statements Lectern's feed sends (replayed through
 * the same driver), rows made into calendar entries, and the same renderer; nothing else: no Nest,
 * no TypeORM, no cache, no ledger. What a cold feed build is compared with.
 */

export interface BareFeedAddresses {
  feedUrl: string;
  sessionUrl: (id: number) => string;
}

/** `statements`: what Lectern sent for the feed (the conference, the sessions, the line-ups). */
export async function bareFeed(db: Sqlite, statements: Statement[], addresses: BareFeedAddresses): Promise<string> {
  const { conferenceRow, conference, sessions: published } = await readBareProgramme(db, statements);
  const sessions = published.filter((session) => session.startsAt !== null).map((session) => calendarSession(session, conference));

  const description = localise(JSON.parse(String(conferenceRow.conference_description)), undefined, conference.defaultLocale);
  return renderFeed(
    { name: conference.name, description: description ?? conference.name, url: addresses.feedUrl, timeZone: conference.timeZone },
    sessions,
    { multiday: MultidayDisplay.TIMED, sessionUrl: addresses.sessionUrl },
  );
}
