import { DateTime } from 'luxon';
import { withinListLimit } from '../common/query-limits';
import { canonicalLocale, Validation } from '../common/validation';
import { SessionFormat, SessionStatus } from './session.entity';
import { SessionFilter } from './session.inputs';

/** From `start` up to, not including, `end`: UTC ISO-8601 text, the form instants are stored in. */
export interface TimeWindow {
  start: string;
  end: string;
}

/**
 * The `sessions` filter, checked and in the form both of its implementations apply it: the live
 * query's SQL (`SessionService.applyFilter`) and a release's frozen sessions in memory
 * (`filterReleasedSessions`). Each list holds distinct values; an empty list does not narrow.
 */
export interface CheckedSessionFilter {
  /** The local days asked for, as UTC windows in time order; days in a row are one window. */
  days: TimeWindow[];
  track: string[];
  room: string[];
  format: SessionFormat[];
  status: SessionStatus[];
  /** Canonical BCP 47 tags. */
  language: string[];
  speaker: string[];
  text?: string;
}

/**
 * Checks a filter against the rules both implementations share: at most MAX_LIST_VALUES values a
 * list (as given, before duplicates are folded) and days of the form YYYY-MM-DD. Fails with
 * BAD_USER_INPUT naming the list (`filter.day`) or the value (`filter.day[3]`).
 */
export function checkSessionFilter(filter: SessionFilter, timeZone: string): CheckedSessionFilter {
  const v = new Validation();
  const lists = ['day', 'track', 'room', 'format', 'status', 'language', 'speaker'] as const;
  const fits = lists.map((name) => withinListLimit(v, filter[name], `filter.${name}`)).every(Boolean);
  // Each day once, however often it is given; `Validation.date` words what is wrong with one.
  const days = fits ? distinct(filter.day).map((day) => ({ day, window: dayWindow(day, timeZone) })) : [];
  for (const { day, window } of days) if (!window) v.date(day, `filter.day[${filter.day!.indexOf(day)}]`);
  v.throwIfFailed();
  return {
    days: merged(days.map(({ window }) => window!)),
    track: distinct(filter.track),
    room: distinct(filter.room),
    format: distinct(filter.format),
    status: distinct(filter.status),
    language: distinct(filter.language?.map((language) => canonicalLocale(language) ?? language)),
    speaker: distinct(filter.speaker),
    ...(filter.text != null ? { text: filter.text } : {}),
  };
}

function distinct<T>(values: readonly T[] | null | undefined): T[] {
  return [...new Set(values ?? [])];
}

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/**
 * The day's midnight read as UTC (ms), when `day` is a real day of the form YYYY-MM-DD: when the
 * date reads back as itself, the test `Validation.date` makes, without luxon's cost (some 20 µs
 * a day, in a filter that may hold a hundred of them in each of a hundred aliases).
 */
function wallClockMidnight(day: string): number | undefined {
  const midnight = Date.parse(`${day}T00:00:00Z`);
  return !Number.isNaN(midnight) && new Date(midnight).toISOString().slice(0, 10) === day ? midnight : undefined;
}

/** Windows in time order, those that meet or overlap made one: a week asked for day by day is one window. */
function merged(windows: readonly TimeWindow[]): TimeWindow[] {
  const sorted = [...windows].sort((a, b) => (a.start < b.start ? -1 : a.start > b.start ? 1 : 0));
  const result: TimeWindow[] = [];
  for (const { start, end } of sorted) {
    const last = result[result.length - 1];
    if (last && start <= last.end) last.end = end > last.end ? end : last.end;
    else result.push({ start, end });
  }
  return result;
}

/**
 * Days already turned into windows, by zone and day: programmes are asked for the same few days
 * again and again (by every alias of a query, by every feed).
 */
const knownWindows = new Map<string, Readonly<TimeWindow>>();
const KNOWN_WINDOWS_MAX = 10_000;

/**
 * The day, from the first instant of its date in `timeZone` to the first of the next (23 or 25
 * hours on the days the clocks change), so that a session overlaps the window exactly when it
 * overlaps the day; undefined when `day` is not a date of the form YYYY-MM-DD.
 */
function dayWindow(day: string, timeZone: string): Readonly<TimeWindow> | undefined {
  const key = `${timeZone} ${day}`;
  const known = knownWindows.get(key);
  if (known) return known;
  const wallClock = wallClockMidnight(day);
  if (wallClock === undefined) return undefined;
  // The zone's offset 15 hours before midnight read as UTC is the offset before the day began.
  const start = midnight(wallClock, timeZone, offsetAt(timeZone, wallClock - 15 * HOUR));
  const window = { start: start.at, end: midnight(wallClock + DAY, timeZone, start.offset).at };
  if (knownWindows.size >= KNOWN_WINDOWS_MAX) knownWindows.clear();
  knownWindows.set(key, window);
  return window;
}

/** The first instant of a local date (UTC ISO-8601), and the zone's offset from UTC then (ms). */
interface Midnight {
  at: string;
  offset: number;
}

/**
 * The first instant of the local date whose midnight reads `wallClock` as UTC. It tries `before`,
 * the zone's offset shortly before, so that a midnight that happens twice (the clocks put back
 * from 01:00) is the first; then the offset at `wallClock`, right after the clocks changed during
 * the day before. When neither gives midnight (the clocks skip it), luxon works it out.
 */
function midnight(wallClock: number, timeZone: string, before: number | undefined): Midnight {
  const isMidnight = (offset: number | undefined): offset is number =>
    offset !== undefined && offsetAt(timeZone, wallClock - offset) === offset;
  let offset = before;
  if (!isMidnight(offset)) offset = offsetAt(timeZone, wallClock);
  if (isMidnight(offset)) return { at: new Date(wallClock - offset).toISOString(), offset };
  const { year, month, day } = DateTime.fromMillis(wallClock, { zone: 'UTC' });
  const start = DateTime.fromObject({ year, month, day }, { zone: timeZone }).startOf('day');
  return { at: start.toUTC().toISO()!, offset: Math.round(start.offset * MINUTE) };
}

const offsetFormats = new Map<string, Intl.DateTimeFormat>();

/**
 * The zone's offset from UTC (ms) at `instant`, as Intl (ICU, the time-zone data luxon reads too)
 * names it: "GMT+01:00", "GMT-00:44:30". Some six times as fast as luxon's `IANAZone.offset`,
 * which reads it from the local date and time; a filter may hold a hundred days in each of a
 * hundred aliases.
 */
function offsetAt(timeZone: string, instant: number): number | undefined {
  let format = offsetFormats.get(timeZone);
  if (!format) offsetFormats.set(timeZone, (format = new Intl.DateTimeFormat('en-US', { timeZone, timeZoneName: 'longOffset' })));
  const offset = /GMT(?:([+-])(\d{2}):(\d{2})(?::(\d{2}))?)?$/.exec(format.format(instant));
  if (!offset) return undefined;
  const [, sign, hours = '0', minutes = '0', seconds = '0'] = offset;
  const ms = ((Number(hours) * 60 + Number(minutes)) * 60 + Number(seconds)) * 1000;
  return sign === '-' ? -ms : ms;
}
