import { DateTime, IANAZone } from 'luxon';

/**
 * What a feed says about its time zones: a VTIMEZONE that is right for every instant the feed
 * holds, and whether a local time can be written at all without being misread.
 *
 * The observances are read from the tz database the runtime carries (ICU, through luxon), the very
 * one that turned the feed's UTC instants into the local times it writes, so the two agree by
 * construction. Libraries that ship ready-made VTIMEZONE blocks (timezones-ical-library,
 * @touch4it/ical-timezones, icalzone) give today's rules only, as yearly RRULEs from 1970: an event in
 * New York in 2006, Moscow in 2010, São Paulo in 2018 or Mexico City in 2020 then resolves an hour
 * off in every client that reads the VTIMEZONE rather than its own tz database (ical.js, vobject).
 * Neither luxon nor Intl lists a zone's transitions, so they are found here by walking its offset.
 */

/** An offset change: at `at` (ms since the epoch) the zone goes from `from` to `to` (minutes east of UTC). */
interface Transition {
  at: number;
  from: number;
  to: number;
}

/** The walk's step: much shorter than any period between two offset changes the tz database holds. */
const STEP_MS = 6 * 60 * 60 * 1000;
const DAY_MS = 24 * 60 * 60 * 1000;
/** Zone-years walked and kept, and zone names checked; tz data does not change while the process runs. */
const MAX_KEPT = 10_000;

/** One local year of a zone: when it starts and ends, the offset at its start, and the changes within it. */
interface ZoneYear {
  year: number;
  start: number;
  end: number;
  opening: number;
  transitions: Transition[];
}
const walked = new Map<string, ZoneYear>();
const known = new Map<string, boolean>();
/** VTIMEZONE blocks written, by zone and years: every build of a feed writes the same one. */
const written = new Map<string, string>();

/** Whether a VTIMEZONE can be written for the zone; events in other zones are written in UTC instead. */
export function hasVtimezone(zone: string): boolean {
  let valid = known.get(zone);
  if (valid === undefined) {
    valid = IANAZone.isValidZone(zone);
    if (known.size >= MAX_KEPT) known.clear();
    known.set(zone, valid);
  }
  return valid;
}

/**
 * Whether the local time of this instant also names another instant: the hour a clock goes back
 * over happens twice. RFC 5545 reads such a local time as its first occurrence; python-icalendar,
 * ical.js, khal and calcurse read the second. Either way one of the two is misread, so an event with
 * a start or end in it is written in UTC.
 */
export function isRepeatedLocalTime(zone: string, instant: Date): boolean {
  const at = instant.getTime();
  const own = offsetAt(zone, at);
  const wall = at + own * 60_000;
  // The zone's other offsets near this instant: those on either side of a change within a day.
  const others = new Set([offsetAt(zone, at - DAY_MS), offsetAt(zone, at + DAY_MS)]);
  others.delete(own);
  return [...others].some((other) => offsetAt(zone, wall - other * 60_000) === other);
}

/**
 * The VTIMEZONE for `zone`, with one observance for each offset change in each of `localYears`
 * (the years its instants fall in, see `localYearsOf`), and one that opens each run of such years; no RRULE, so nothing is
 * extrapolated from today's rules. Between runs, the years not asked for are left out.
 */
export function vtimezone(zone: string, localYears: Iterable<number>): string | null {
  if (!hasVtimezone(zone)) return null;
  const years = [...new Set(localYears)].sort((a, b) => a - b);
  const key = `${zone} ${years.join(' ')}`;
  let block = written.get(key);
  if (block === undefined) {
    if (written.size >= MAX_KEPT) written.clear();
    written.set(key, (block = vtimezoneOf(zone, years)));
  }
  return block;
}

function vtimezoneOf(zone: string, years: readonly number[]): string {
  const lines = ['BEGIN:VTIMEZONE', `TZID:${zone}`];
  years.forEach((year, index) => {
    const { start, opening, transitions } = zoneYear(zone, year);
    if (years[index - 1] !== year - 1) lines.push(...observance(zone, { at: start, from: opening, to: opening }));
    for (const transition of transitions) lines.push(...observance(zone, transition));
  });
  lines.push('END:VTIMEZONE');
  return lines.join('\r\n');
}

/** The local years of the zone these instants fall in: what its VTIMEZONE must cover (see `vtimezone`). */
export function localYearsOf(zone: string, instants: readonly Date[]): number[] {
  return [...new Set(instants.map((instant) => yearHolding(zone, instant.getTime()).year))];
}

/** The offset at an instant, from the walked years: the same as luxon's, without asking Intl each time. */
function offsetAt(zone: string, at: number): number {
  const { opening, transitions } = yearHolding(zone, at);
  let current = opening;
  for (const transition of transitions) {
    if (transition.at > at) break;
    current = transition.to;
  }
  return current;
}

/** The local year an instant is in: the UTC year's, the one before or the one after. */
function yearHolding(zone: string, at: number): ZoneYear {
  const year = zoneYear(zone, new Date(at).getUTCFullYear());
  if (at < year.start) return zoneYear(zone, year.year - 1);
  return at < year.end ? year : zoneYear(zone, year.year + 1);
}

/** One local year of the zone, walked once and kept: its offset changes, found by walking its offset. */
function zoneYear(zone: string, year: number): ZoneYear {
  const key = `${zone} ${year}`;
  const kept = walked.get(key);
  if (kept) return kept;
  const transitions: Transition[] = [];
  const start = startOfYear(zone, year);
  const end = startOfYear(zone, year + 1);
  const opening = offset(zone, start);
  let at = start;
  let current = opening;
  while (at < end) {
    const next = Math.min(at + STEP_MS, end);
    const then = offset(zone, next);
    if (then !== current) {
      // A change at the very start of the next year is kept with this one, whose walk sees it.
      transitions.push({ at: firstWithOffset(zone, at, next, then), from: current, to: then });
      current = then;
    }
    at = next;
  }
  const record = { year, start, end, opening, transitions };
  if (walked.size >= MAX_KEPT) walked.clear();
  walked.set(key, record);
  return record;
}

/** One STANDARD or DAYLIGHT component; its DTSTART is the local time before the change (RFC 5545 §3.6.5). */
function observance(zone: string, { at, from, to }: Transition): string[] {
  const after = DateTime.fromMillis(at, { zone });
  const kind = after.isInDST ? 'DAYLIGHT' : 'STANDARD';
  return [
    `BEGIN:${kind}`,
    `DTSTART:${DateTime.fromMillis(at + from * 60_000, { zone: 'utc' }).toFormat("yyyyLLdd'T'HHmmss")}`,
    `TZOFFSETFROM:${utcOffset(from)}`,
    `TZOFFSETTO:${utcOffset(to)}`,
    `TZNAME:${abbreviation(zone, at, to)}`,
    `END:${kind}`,
  ];
}

/** The first whole second in (before, after] with the offset `after` has: the tz database changes on whole seconds. */
function firstWithOffset(zone: string, before: number, after: number, then: number): number {
  let low = Math.floor(before / 1000);
  let high = Math.ceil(after / 1000);
  while (high - low > 1) {
    const middle = Math.floor((low + high) / 2);
    if (offset(zone, middle * 1000) === then) high = middle;
    else low = middle;
  }
  return high * 1000;
}

function startOfYear(zone: string, year: number): number {
  return DateTime.fromObject({ year, month: 1, day: 1 }, { zone }).toMillis();
}

/** Minutes east of UTC, as luxon computes them for the local times the feed writes. */
function offset(zone: string, at: number): number {
  return IANAZone.create(zone).offset(at);
}

/** RFC 5545's UTC-OFFSET: ±hhmm, with seconds where the offset has them (local mean time). */
function utcOffset(minutes: number): string {
  const seconds = Math.round(Math.abs(minutes) * 60);
  const pad = (value: number) => String(value).padStart(2, '0');
  const hhmm = `${pad(Math.floor(seconds / 3600))}${pad(Math.floor(seconds / 60) % 60)}`;
  return `${minutes < 0 ? '-' : '+'}${hhmm}${seconds % 60 ? pad(seconds % 60) : ''}`;
}

/**
 * The zone's abbreviation then (EST, CEST), where ICU has one in American or British English;
 * otherwise the offset, as the tz database itself names such times (+03, -0230).
 */
function abbreviation(zone: string, at: number, minutes: number): string {
  for (const locale of ['en-US', 'en-GB']) {
    const name = DateTime.fromMillis(at, { zone, locale }).offsetNameShort;
    if (name && /^[A-Za-z]{2,6}$/.test(name)) return name;
  }
  const offsetName = utcOffset(minutes).slice(0, 5);
  return offsetName.endsWith('00') ? offsetName.slice(0, 3) : offsetName;
}
