import { DateTime } from 'luxon';
import { SelectQueryBuilder } from 'typeorm';
import { LocalisedText, searchable } from '../common/localisation';
import { withinListLimit } from '../common/query-limits';
import { canonicalLocale, Validation } from '../common/validation';
import { publicPart } from '../published/public-rule';
import { queryTokens, sessionDocument } from '../search/search-terms';
import { Session, SessionFormat, SessionStatus } from './session.entity';
import { SessionFilter } from './session.inputs';

/** From `start` up to, not including, `end`: UTC ISO-8601 text, the form instants are stored in. */
export interface TimeWindow {
  start: string;
  end: string;
}

/**
 * The `sessions` filter, checked: the form its one set of clauses (`CLAUSES`, below) applies,
 * to an SQL query over live sessions or to sessions in memory (the published programme, live or
 * released). Each list holds distinct values; an empty list does not narrow.
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
 * Checks a filter against its rules: at most MAX_LIST_VALUES values a
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

/** What the filter reads of a session in memory: the published programme's sessions have it. */
export interface FilterableSession {
  /** UTC ISO-8601, or null while unscheduled. */
  startsAt: string | null;
  endsAt: string | null;
  format: SessionFormat;
  status: SessionStatus;
  language: string;
  title: LocalisedText;
  abstract: LocalisedText;
  room: { slug: string } | null;
  track: { slug: string } | null;
  lineUp: { speakerSlug: string; speakerName: string }[];
}

/** How an SQL query over `session` is narrowed: the conference, whose rooms and tracks it names, and whether only public ones count. */
export interface SqlFilterContext {
  conferenceId: number;
  /** A reader who does not organise the conference names only published rooms and tracks. */
  publishedPartsOnly: boolean;
  /** Restricts the query to sessions whose search document every word starts a word of (the search index). */
  restrictText(query: SelectQueryBuilder<Session>, words: string[]): void;
}

/** One clause of the filter: how a query applies it, and how a session in memory meets it, side by side. */
interface Clause<V> {
  sql(query: SelectQueryBuilder<Session>, values: V, context: SqlFilterContext): void;
  matches(session: FilterableSession, values: V): boolean;
}

type Prepared = {
  days: TimeWindow[];
  track: Set<string>;
  room: Set<string>;
  format: Set<string>;
  status: Set<string>;
  language: Set<string>;
  speaker: Set<string>;
  /** The search words; none given: undefined; only punctuation given: an empty list, which nothing meets. */
  text: string[] | undefined;
};

const publishedPart = (alias: string, context: SqlFilterContext) => (context.publishedPartsOnly ? ` AND ${publicPart(`"${alias}"`)}` : '');

const inList =
  (column: string, name: string): Clause<Set<string>>['sql'] =>
  (query, values) =>
    query.andWhere(`${column} IN (:...${name})`, { [name]: [...values] });

/**
 * The filter's clauses, each once: a list matches any of its values; a session belongs to every
 * local day it overlaps (a three-day hackathon shows on each); rooms and tracks are named by
 * slug (an unpublished one, for a reader who does not organise the conference, matches nothing,
 * so its sessions cannot be counted from outside); and every search word must start a word of
 * the title or abstract (any locale) or a part of a speaker's name.
 */
const CLAUSES: { [K in keyof Prepared]: Clause<NonNullable<Prepared[K]>> } = {
  days: {
    sql(query, days) {
      // The days' windows as rows (columns column1 and column2 on both engines).
      const rows = days.map((_, i) => `(:dayStart${i}, :dayEnd${i})`).join(', ');
      const parameters = Object.fromEntries(
        days.flatMap(({ start, end }, i) => [
          [`dayStart${i}`, start],
          [`dayEnd${i}`, end],
        ]),
      );
      query.andWhere(
        `EXISTS (SELECT 1 FROM (VALUES ${rows}) "days" WHERE session.startsAt < "days"."column2" AND session.endsAt > "days"."column1")`,
        parameters,
      );
    },
    matches: (session, days) =>
      session.startsAt !== null &&
      session.endsAt !== null &&
      days.some(({ start, end }) => session.startsAt! < end && session.endsAt! > start),
  },
  track: {
    sql: (query, tracks, context) =>
      query.andWhere(
        `session.trackId IN (SELECT "t"."id" FROM "tracks" "t" WHERE "t"."conferenceId" = :filterConferenceId AND "t"."slug" IN (:...tracks)${publishedPart('t', context)})`,
        { tracks: [...tracks], filterConferenceId: context.conferenceId },
      ),
    matches: (session, tracks) => session.track !== null && tracks.has(session.track.slug),
  },
  room: {
    sql: (query, rooms, context) =>
      query.andWhere(
        `session.roomId IN (SELECT "r"."id" FROM "rooms" "r" WHERE "r"."conferenceId" = :filterConferenceId AND "r"."slug" IN (:...rooms)${publishedPart('r', context)})`,
        { rooms: [...rooms], filterConferenceId: context.conferenceId },
      ),
    matches: (session, rooms) => session.room !== null && rooms.has(session.room.slug),
  },
  format: { sql: inList('session.format', 'formats'), matches: (session, formats) => formats.has(session.format) },
  status: { sql: inList('session.status', 'statuses'), matches: (session, statuses) => statuses.has(session.status) },
  language: { sql: inList('session.language', 'languages'), matches: (session, languages) => languages.has(session.language) },
  speaker: {
    sql: (query, speakers) =>
      query.andWhere(
        'EXISTS (SELECT 1 FROM "appearances" "a" INNER JOIN "speakers" "sp" ON "sp"."id" = "a"."speakerId" WHERE "a"."sessionId" = session.id AND "sp"."slug" IN (:...speakers))',
        { speakers: [...speakers] },
      ),
    matches: (session, speakers) => session.lineUp.some((appearance) => speakers.has(appearance.speakerSlug)),
  },
  text: {
    sql: (query, words, context) => (words.length ? context.restrictText(query, words) : query.andWhere('1 = 0')),
    matches(session, words) {
      // The same words the search index holds, matched as it matches them.
      const document = sessionDocument(
        searchable(session.title, session.abstract),
        session.lineUp.map((appearance) => appearance.speakerName),
      );
      return words.length > 0 && words.every((word) => document.some((token) => token.startsWith(word)));
    },
  },
};

function prepared(filter: CheckedSessionFilter): Prepared {
  return {
    days: filter.days,
    track: new Set(filter.track),
    room: new Set(filter.room),
    format: new Set(filter.format),
    status: new Set(filter.status),
    language: new Set(filter.language),
    speaker: new Set(filter.speaker),
    text: queryTokens(filter.text) ?? undefined,
  };
}

/** The clauses that narrow, with their values. */
function narrowing(filter: CheckedSessionFilter): [Clause<never>, unknown][] {
  const values = prepared(filter);
  return (Object.keys(CLAUSES) as (keyof Prepared)[]).flatMap((name) => {
    const value = values[name];
    const narrows = value !== undefined && (Array.isArray(value) ? value.length > 0 || name === 'text' : (value as Set<string>).size > 0);
    return narrows ? [[CLAUSES[name] as Clause<never>, value] as [Clause<never>, unknown]] : [];
  });
}

/** Narrows an SQL query over live sessions (`session`) to the filter; each clause is one condition whatever the number of its values. */
export function applySessionFilter(query: SelectQueryBuilder<Session>, filter: CheckedSessionFilter, context: SqlFilterContext): void {
  for (const [clause, values] of narrowing(filter)) clause.sql(query, values as never, context);
}

/** Whether a session in memory meets the filter; undefined when the filter does not narrow, so every session does. */
export function sessionMatcher(filter: CheckedSessionFilter): ((session: FilterableSession) => boolean) | undefined {
  const clauses = narrowing(filter);
  if (clauses.length === 0) return undefined;
  return (session) => clauses.every(([clause, values]) => clause.matches(session, values as never));
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
