import { escape, foldLines, ICalCalendar, ICalEventStatus } from 'ical-generator';
import { DateTime, Interval } from 'luxon';
import { SessionStatus } from '../sessions/session.entity';
import { CalendarSession } from './calendar-session';
import { cssColourName } from './colour-name';
import { MultidayDisplay } from './feed-parameters';
import { SessionTexts } from './session-texts';
import { hasVtimezone, isRepeatedLocalTime, localYearsOf, vtimezone } from './vtimezone';

/** How often subscribed calendars should come back for changes (REFRESH-INTERVAL, X-PUBLISHED-TTL). */
const REFRESH_INTERVAL = 'PT1H';

export interface FeedDescription {
  name: string;
  description: string;
  /** The feed's own https address. */
  url: string;
  /** The zone the feed is shown in (X-WR-TIMEZONE): its conference's; else the one all its sessions share, if they do. */
  timeZone?: string;
}

export interface RenderOptions {
  locale?: string;
  multiday: MultidayDisplay;
  sessionUrl: (sessionId: number) => string;
  /** An iTIP method (RFC 5546), for a calendar sent rather than subscribed to: a mail's attachment. */
  method?: 'PUBLISH';
}

const STATUS: Record<SessionStatus, ICalEventStatus> = {
  [SessionStatus.TENTATIVE]: ICalEventStatus.TENTATIVE,
  [SessionStatus.CONFIRMED]: ICalEventStatus.CONFIRMED,
  [SessionStatus.CANCELLED]: ICalEventStatus.CANCELLED,
};

/**
 * One session's VEVENT as a feed shows it, folded and encoded; `zone` and `years` say which
 * local times it writes, for the VTIMEZONE the feed must carry.
 */
export interface RenderedEvent {
  bytes: Buffer;
  zone?: string;
  /** The local years of `zone` its start and end fall in (what the feed's VTIMEZONE must cover). */
  years?: readonly number[];
}

/**
 * Writes one iCalendar document: a VEVENT per scheduled session, in its conference's zone with a
 * matching VTIMEZONE. The output depends on the data only (DTSTAMP is the session's last change,
 * as RFC 5545 asks of a calendar without METHOD), so the same programme gives the same bytes and
 * the same ETag on every instance.
 */
export function renderFeed(feed: FeedDescription, sessions: CalendarSession[], options: RenderOptions): string {
  const scheduled = sessions.filter(isScheduled);
  return assembleFeed(
    feed,
    scheduled,
    scheduled.map((session) => renderEvent(session, options)),
    options,
  ).toString('utf8');
}

/** An unscheduled session has no place in a calendar yet. */
export function isScheduled(session: CalendarSession): boolean {
  return !!session.startsAt && !!session.endsAt;
}

/**
 * One scheduled session's VEVENT. ical-generator writes it; what RFC 7986 adds and ical-generator
 * 10 does not write is added before its END:VEVENT.
 */
export function renderEvent(session: CalendarSession, options: RenderOptions): RenderedEvent {
  const texts = new SessionTexts(session, options.locale, options.sessionUrl(session.id));
  const { defaultLocale } = session.conference;
  // A zone the tz database does not know (yet) is read as UTC rather than failing the feed.
  const timeZone = hasVtimezone(session.conference.timeZone) ? session.conference.timeZone : 'UTC';
  const startsAt = session.startsAt!;
  const endsAt = session.endsAt!;
  const start = DateTime.fromJSDate(startsAt, { zone: timeZone });
  const end = DateTime.fromJSDate(endsAt, { zone: timeZone });
  const days = allDays(start, end, options.multiday);
  // All-day entries are dates, which need no zone. A start or end in the hour a clock goes back
  // over is written in UTC, as is an unknown zone: right, if less readable.
  const local = !days && timeZone === session.conference.timeZone && ![startsAt, endsAt].some((at) => isRepeatedLocalTime(timeZone, at));
  // The event's parent only. No calendar-wide zone: with one, ical-generator writes DTSTAMP,
  // CREATED and LAST-MODIFIED as local times without "Z". Each event names its own zone.
  const event = new ICalCalendar().createEvent({
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
  const text = foldLines(withProperties(event.toString(), rfc7986Properties(session, texts)));
  return { bytes: Buffer.from(text, 'utf8'), ...(local ? { zone: timeZone, years: localYearsOf(timeZone, [startsAt, endsAt]) } : {}) };
}

/**
 * The document around the events, as RFC 5545 §3.4 and §3.6 have it: the calendar's properties
 * first, then its components, every line ended by CRLF. ical-generator 10 writes REFRESH-INTERVAL
 * and X-PUBLISHED-TTL after the VTIMEZONEs, its X- properties after the events, and no line
 * break after END:VCALENDAR, so it is not asked to. The events are joined as bytes: a large feed
 * is never one string.
 */
export function assembleFeed(
  feed: FeedDescription,
  sessions: readonly CalendarSession[],
  events: readonly RenderedEvent[],
  options: RenderOptions,
): Buffer {
  /** The local years of the instants written as local times, by zone: what each zone's VTIMEZONE must be right for. */
  const zoned = new Map<string, Set<number>>();
  for (const { zone, years } of events) {
    if (!zone || !years) continue;
    if (!zoned.has(zone)) zoned.set(zone, new Set());
    for (const year of years) zoned.get(zone)!.add(year);
  }
  const zonesShown = new Set(sessions.map((session) => session.conference.timeZone));
  const [onlyZone] = zonesShown.size === 1 ? zonesShown : [];
  const timeZone = [feed.timeZone ?? onlyZone].find((zone) => zone && hasVtimezone(zone));
  // ical-generator's escape for TEXT values: backslash, semicolon, comma and line breaks.
  const text = (value: string) => escape(value, false);
  const properties = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//Lectern//Programme feeds//EN',
    ...(options.method ? [`METHOD:${options.method}`] : []),
    `URL:${feed.url}`,
    `SOURCE;VALUE=URI:${feed.url}`,
    `NAME:${text(feed.name)}`,
    `X-WR-CALNAME:${text(feed.name)}`,
    `DESCRIPTION:${text(feed.description)}`,
    `X-WR-CALDESC:${text(feed.description)}`,
    ...(timeZone ? [`X-WR-TIMEZONE:${timeZone}`] : []),
    `REFRESH-INTERVAL;VALUE=DURATION:${REFRESH_INTERVAL}`,
    `X-PUBLISHED-TTL:${REFRESH_INTERVAL}`,
  ];
  const zones = [...zoned].map(([zone, years]) => vtimezone(zone, years)).filter((block): block is string => !!block);
  const head = foldLines([...properties, ...zones].map((line) => `${line}\r\n`).join(''));
  return Buffer.concat([Buffer.from(head, 'utf8'), ...events.map((event) => event.bytes), Buffer.from('END:VCALENDAR\r\n', 'utf8')]);
}

/**
 * What RFC 7986 adds to an event and ical-generator 10 does not write: the track's COLOR, and a
 * CONFERENCE for the stream the session can be watched on.
 */
function rfc7986Properties(session: CalendarSession, texts: SessionTexts): string[] {
  const colour = cssColourName(session.track?.color);
  const stream = texts.stream();
  const url = stream && webAddress(stream.url);
  return [
    ...(colour ? [`COLOR:${colour}`] : []),
    ...(url ? [`CONFERENCE;VALUE=URI;FEATURE=AUDIO,VIDEO;LABEL=${parameterValue(stream.label)}:${url}`] : []),
  ];
}

/** The event's text with these lines added before its END:VEVENT. */
function withProperties(vevent: string, lines: string[]): string {
  return lines.length ? vevent.replace(/END:VEVENT\r\n$/, `${lines.map((line) => `${line}\r\n`).join('')}END:VEVENT\r\n`) : vevent;
}

/**
 * An http(s) address as a URI value: as stored when it holds only the characters of RFC 3986,
 * else as the WHATWG URL parser writes it, which leaves no space, quote or line break in it.
 */
function webAddress(address: string): string | null {
  const url = URL.canParse(address) ? new URL(address) : null;
  if (!url || (url.protocol !== 'https:' && url.protocol !== 'http:')) return null;
  return /^[A-Za-z0-9\-._~:/?#[\]@!$&'()*+,;=%]+$/.test(address) ? address : url.href;
}

/** A quoted parameter value; the characters a quoted string cannot hold as RFC 6868 has them. */
function parameterValue(value: string): string {
  return `"${value
    .replace(/\^/g, '^^')
    .replace(/\r\n|\r|\n/g, '^n')
    .replace(/"/g, "^'")}"`;
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
