import { escape, ICalCalendar, ICalEventStatus } from 'ical-generator';
import { DateTime } from 'luxon';
// The feed's own pure helpers for words, zones and plain text: they are what an event says, not
// overhead, so the bare build shares them and its events come out the same.
import { calendarLabels } from '../src/calendar/calendar-labels';
import { hasVtimezone, vtimezone } from '../src/calendar/vtimezone';
import { localise, LocalisedText } from '../src/common/localisation';
import { markdownToPlainText } from '../src/common/rich-text';
import { SessionFormat, SessionStatus } from '../src/sessions/session.entity';
import { AppearanceRole } from '../src/sessions/appearance.entity';
import { Sqlite } from './sqlite';
import { Statement, statementReading } from './statements';

/**
 * The bare cost of a whole-conference feed: the statements Lectern's feed sends (replayed through
 * the same driver), then ical-generator with the same events and texts, and nothing else: no
 * Nest, no TypeORM, no cache. What a cold feed build is compared with.
 */

interface SessionRow {
  id: number;
  uid: string;
  title: string;
  abstract: string;
  format: SessionFormat;
  status: SessionStatus;
  startsAt: string;
  endsAt: string;
  revision: number;
  streamUrl: string | null;
  createdAt: string;
  updatedAt: string;
  roomName: string | null;
  roomStreamUrl: string | null;
  trackName: string | null;
}

interface LineUpRow {
  sessionId: number;
  role: AppearanceRole;
  title: string | null;
  organisation: string | null;
  speakerName: string;
}

const STATUS: Record<SessionStatus, ICalEventStatus> = {
  [SessionStatus.TENTATIVE]: ICalEventStatus.TENTATIVE,
  [SessionStatus.CONFIRMED]: ICalEventStatus.CONFIRMED,
  [SessionStatus.CANCELLED]: ICalEventStatus.CANCELLED,
};

export interface BareFeedAddresses {
  feedUrl: string;
  sessionUrl: (id: number) => string;
}

/** `statements`: what Lectern sent for the feed (the conference, the sessions, the line-ups). */
export async function bareFeed(db: Sqlite, statements: Statement[], addresses: BareFeedAddresses): Promise<string> {
  const conferenceStatement = statementReading(statements, 'conferences');
  const sessionStatement = statementReading(statements, 'sessions');
  const lineUpStatement = statementReading(statements, 'appearances');
  const [conference] = await db.all(conferenceStatement.sql, conferenceStatement.parameters);
  const sessions = (await db.all<SessionRow>(sessionStatement.sql, sessionStatement.parameters)).filter(
    (session) => session.startsAt !== null,
  );
  // The line-ups of the conference's public sessions, as Lectern reads them.
  const lineUps = new Map<number, LineUpRow[]>();
  for (const row of await db.all<LineUpRow>(lineUpStatement.sql, lineUpStatement.parameters)) {
    const lineUp = lineUps.get(row.sessionId) ?? [];
    lineUp.push(row);
    lineUps.set(row.sessionId, lineUp);
  }

  const name = String(conference.conference_name);
  const defaultLocale = String(conference.conference_defaultLocale);
  const timeZone = String(conference.conference_timeZone);
  const text = (value: unknown) => (value == null ? null : String(value));
  const [venue, city, websiteUrl] = [conference.conference_venue, conference.conference_city, conference.conference_websiteUrl].map(text);
  const calendar = new ICalCalendar({
    prodId: { company: 'Lectern', product: 'Programme feeds', language: 'EN' },
    name: escape(name, false),
    description: escape(localise(JSON.parse(String(conference.conference_description)), undefined, defaultLocale) ?? name, false),
    url: addresses.feedUrl,
    source: addresses.feedUrl,
    ttl: 60 * 60,
    // Each zone's observances for the instants its events hold, as the feed writes them.
    timezone: {
      name: null,
      generator: (zone) =>
        vtimezone(
          zone,
          sessions.flatMap((s) => (zone === timeZone ? [new Date(s.startsAt), new Date(s.endsAt)] : [])),
        ),
    },
  });
  for (const session of sessions) {
    const labels = calendarLabels(undefined, defaultLocale);
    const localised = (value: string) => localise(JSON.parse(value) as LocalisedText, undefined, defaultLocale) ?? '';
    const link = addresses.sessionUrl(session.id);
    const stream = session.streamUrl ?? session.roomStreamUrl;
    const title = localised(session.title);
    const lineUp = (lineUps.get(session.id) ?? []).map(({ role, speakerName, title: job, organisation }) => {
      const affiliation = [job, organisation].filter(Boolean).join(', ');
      return `${labels.role[role]}: ${speakerName}${affiliation ? ` (${affiliation})` : ''}`;
    });
    const where = session.roomStreamUrl ? [session.roomName, stream] : [session.roomName, venue, city];
    calendar.createEvent({
      id: `${session.uid}@lectern`,
      sequence: session.revision,
      stamp: new Date(session.updatedAt),
      created: new Date(session.createdAt),
      lastModified: new Date(session.updatedAt),
      timezone: hasVtimezone(timeZone) ? timeZone : null,
      start: DateTime.fromJSDate(new Date(session.startsAt), { zone: timeZone }),
      end: DateTime.fromJSDate(new Date(session.endsAt), { zone: timeZone }),
      summary: session.status === SessionStatus.CANCELLED ? `${labels.cancelled}: ${title}` : title,
      description: [
        markdownToPlainText(localised(session.abstract)),
        lineUp.join('\n'),
        // An online room gives its stream as the location already.
        [[name, websiteUrl].filter(Boolean).join(' – '), !session.roomStreamUrl && stream && `${labels.stream}: ${stream}`, link]
          .filter(Boolean)
          .join('\n'),
      ]
        .filter(Boolean)
        .join('\n\n'),
      location: where.filter((part, i) => !!part && where.indexOf(part) === i).join(', ') || null,
      url: link,
      categories: [...new Set([session.trackName, labels.format[session.format]].filter((c): c is string => !!c))].map((category) => ({
        name: category,
      })),
      status: STATUS[session.status],
    });
  }
  return calendar.toString();
}
