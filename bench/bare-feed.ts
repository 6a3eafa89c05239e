// The feed's own pure parts: the mapping of a published session to a calendar entry and the
// renderer (ical-generator, and the lines RFC 7986 adds). They are what a feed says, not overhead,
// so the bare build shares them and its document comes out the same, byte for byte.
import { calendarSession } from '../src/calendar/calendar-session';
import { MultidayDisplay } from '../src/calendar/feed-parameters';
import { renderFeed } from '../src/calendar/feed-renderer';
import { localise } from '../src/common/localisation';
import { PublishedConference, PublishedSession } from '../src/published/published-programme';
import { AppearanceRole } from '../src/sessions/appearance.entity';
import { SessionFormat, SessionStatus } from '../src/sessions/session.entity';
import { Sqlite } from './sqlite';
import { Statement, statementReading } from './statements';

/**
 * The bare cost of a whole-conference feed: the statements Lectern's feed sends (replayed through
 * the same driver), rows made into calendar entries, and the same renderer; nothing else: no Nest,
 * no TypeORM, no cache, no ledger. What a cold feed build is compared with.
 */

type Row = Record<string, string | number | null>;

interface LineUpRow {
  sessionId: number;
  speakerId: number;
  speakerSlug: string;
  speakerName: string;
  role: AppearanceRole;
  title: string | null;
  organisation: string | null;
}

export interface BareFeedAddresses {
  feedUrl: string;
  sessionUrl: (id: number) => string;
}

/** `statements`: what Lectern sent for the feed (the conference, the sessions, the line-ups). */
export async function bareFeed(db: Sqlite, statements: Statement[], addresses: BareFeedAddresses): Promise<string> {
  const conferenceStatement = statementReading(statements, 'conferences');
  const sessionStatement = statementReading(statements, 'sessions');
  const lineUpStatement = statementReading(statements, 'appearances');
  const [conferenceRow] = await db.all<Row>(conferenceStatement.sql, conferenceStatement.parameters);
  const rows = await db.all<Row>(sessionStatement.sql, sessionStatement.parameters);
  const lineUps = new Map<number, LineUpRow[]>();
  for (const row of await db.all<LineUpRow>(lineUpStatement.sql, lineUpStatement.parameters)) {
    const lineUp = lineUps.get(row.sessionId) ?? [];
    lineUp.push(row);
    lineUps.set(row.sessionId, lineUp);
  }

  const text = (value: unknown) => (value == null ? null : String(value));
  const conference: PublishedConference = {
    name: String(conferenceRow.conference_name),
    timeZone: String(conferenceRow.conference_timeZone),
    defaultLocale: String(conferenceRow.conference_defaultLocale),
    venue: text(conferenceRow.conference_venue),
    city: text(conferenceRow.conference_city),
    websiteUrl: text(conferenceRow.conference_websiteUrl),
  };
  const sessions = rows
    .filter((row) => row.startsAt !== null)
    .sort((a, b) => (a.startsAt === b.startsAt ? Number(a.id) - Number(b.id) : String(a.startsAt) < String(b.startsAt) ? -1 : 1))
    .map((row): PublishedSession => ({
      id: Number(row.id),
      uid: String(row.uid),
      title: JSON.parse(String(row.title)),
      abstract: JSON.parse(String(row.abstract)),
      format: row.format as SessionFormat,
      language: String(row.language),
      status: row.status as SessionStatus,
      startsAt: String(row.startsAt),
      endsAt: String(row.endsAt),
      revision: Number(row.revision),
      streamUrl: text(row.streamUrl),
      recordingUrl: text(row.recordingUrl),
      slidesUrl: text(row.slidesUrl),
      createdAt: String(row.createdAt),
      updatedAt: String(row.updatedAt),
      room: row.roomSlug === null ? null : { slug: String(row.roomSlug), name: String(row.roomName), streamUrl: text(row.roomStreamUrl) },
      track: row.trackSlug === null ? null : { slug: String(row.trackSlug), name: String(row.trackName), color: text(row.trackColor) },
      lineUp: (lineUps.get(Number(row.id)) ?? []).map(({ sessionId: _, ...appearance }) => appearance),
    }))
    .map((session) => calendarSession(session, conference));

  const description = localise(JSON.parse(String(conferenceRow.conference_description)), undefined, conference.defaultLocale);
  return renderFeed(
    { name: conference.name, description: description ?? conference.name, url: addresses.feedUrl, timeZone: conference.timeZone },
    sessions,
    { multiday: MultidayDisplay.TIMED, sessionUrl: addresses.sessionUrl },
  );
}
