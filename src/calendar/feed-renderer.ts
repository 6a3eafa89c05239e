import { escape, ICalCalendar, ICalEventStatus } from 'ical-generator';
import { DateTime, Interval } from 'luxon';
import { SessionStatus } from '../sessions/session.entity';
import { CalendarSession } from './calendar-session';
import { MultidayDisplay } from './feed-parameters';
import { SessionTexts } from './session-texts';
import { hasVtimezone, isRepeatedLocalTime, vtimezone } from './vtimezone';

/** How often subscribed calendars should come back for changes (REFRESH-INTERVAL, X-PUBLISHED-TTL). */
const REFRESH_INTERVAL_SECONDS = 60 * 60;

export interface FeedDescription {
  name: string;
  description: string;
  /** The feed's own https address. */
  url: string;
}

export interface RenderOptions {
  locale?: string;
  multiday: MultidayDisplay;
  sessionUrl: (sessionId: number) => string;
}

const STATUS: Record<SessionStatus, ICalEventStatus> = {
  [SessionStatus.TENTATIVE]: ICalEventStatus.TENTATIVE,
  [SessionStatus.CONFIRMED]: ICalEventStatus.CONFIRMED,
  [SessionStatus.CANCELLED]: ICalEventStatus.CANCELLED,
};

/**
 * Writes one iCalendar document: a VEVENT per scheduled session, in its conference's zone with a
 * matching VTIMEZONE. The output depends on the data only (DTSTAMP is the session's last change,
 * as RFC 5545 asks of a calendar without METHOD), so the same programme gives the same bytes and
 * the same ETag on every instance.
 */
export function renderFeed(feed: FeedDescription, sessions: CalendarSession[], options: RenderOptions): string {
  /** The instants written as local times, by zone: what each zone's VTIMEZONE must be right for. */
  const zoned = new Map<string, Date[]>();
  const calendar = new ICalCalendar({
    prodId: { company: 'Lectern', product: 'Programme feeds', language: 'EN' },
    // ical-generator writes the calendar's name and description as given: escape them as TEXT here.
    name: escape(feed.name, false),
    description: escape(feed.description, false),
    url: feed.url,
    source: feed.url,
    ttl: REFRESH_INTERVAL_SECONDS,
    // No calendar-wide zone: with one, ical-generator writes DTSTAMP, CREATED and LAST-MODIFIED as
    // local times without "Z". Each event names its own zone; this only writes their VTIMEZONEs.
    timezone: { name: null, generator: (zone) => vtimezone(zone, zoned.get(zone) ?? []) },
  });
  for (const session of sessions) {
    // An unscheduled session has no place in a calendar yet.
    if (!session.startsAt || !session.endsAt) continue;
    const texts = new SessionTexts(session, options.locale, options.sessionUrl(session.id));
    const { defaultLocale } = session.conference;
    // A zone the tz database does not know (yet) is read as UTC rather than failing the feed.
    const timeZone = hasVtimezone(session.conference.timeZone) ? session.conference.timeZone : 'UTC';
    const start = DateTime.fromJSDate(session.startsAt, { zone: timeZone });
    const end = DateTime.fromJSDate(session.endsAt, { zone: timeZone });
    const days = allDays(start, end, options.multiday);
    // All-day entries are dates, which need no zone. A start or end in the hour a clock goes back
    // over is written in UTC, as is an unknown zone: right, if less readable.
    const local =
      !days &&
      timeZone === session.conference.timeZone &&
      ![session.startsAt, session.endsAt].some((at) => isRepeatedLocalTime(timeZone, at));
    if (local) {
      if (!zoned.has(timeZone)) zoned.set(timeZone, []);
      zoned.get(timeZone)!.push(session.startsAt, session.endsAt);
    }
    calendar.createEvent({
      id: `${session.uid}@lectern`,
      sequence: session.revision,
      stamp: session.updatedAt,
      created: session.createdAt,
      lastModified: session.updatedAt,
      timezone: local ? timeZone : null,
      ...(days ? { allDay: true, start: days.first, end: days.afterLast } : { start, end }),
      summary: texts.summary(),
      // An all-day entry loses the times, so the description gives them.
      description: texts.description({ lead: days && `${localTimes(start, end, options.locale ?? defaultLocale)} (${timeZone})` }),
      location: texts.location() || null,
      url: options.sessionUrl(session.id),
      categories: texts.categories().map((name) => ({ name })),
      status: STATUS[session.status],
    });
  }
  return calendar.toString();
}

/** The days an all-day entry covers, when asked for and the session runs over more than one local day. */
function allDays(start: DateTime, end: DateTime, multiday: MultidayDisplay) {
  if (multiday !== MultidayDisplay.ALLDAY) return undefined;
  const first = start.startOf('day');
  // A session that ends at midnight does not take up the day that begins then.
  const last = end.minus({ milliseconds: 1 }).startOf('day');
  return last > first ? { first, afterLast: last.plus({ days: 1 }) } : undefined;
}

function localTimes(start: DateTime, end: DateTime, locale: string): string {
  return Interval.fromDateTimes(start, end).toLocaleString(DateTime.DATETIME_MED, { locale });
}
