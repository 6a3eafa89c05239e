import { DateTime } from 'luxon';

/**
 * Where things sit on the schedule board: a day of the conference, in its own time zone, from
 * its first to its last hour; rooms side by side. Times are minutes after that day's midnight
 * there, so a card's place and size are the same whatever zone the organiser's computer is in.
 */

export const PIXELS_PER_MINUTE = 1.6;
export const ROOM_WIDTH = 200;
/** How long a session dragged in from the tray is, until its edge is dragged. */
export const NEW_SESSION_MINUTES = 30;
export const SNAP_STEPS = [5, 10, 15, 30] as const;

/** The conference's days, "YYYY-MM-DD", from its first to its last. */
export function daysOf(startDate: string, endDate: string): string[] {
  const days: string[] = [];
  for (let day = DateTime.fromISO(startDate); day.toISODate()! <= endDate; day = day.plus({ days: 1 })) days.push(day.toISODate()!);
  return days;
}

/** The minute of `day` (in the zone) an instant falls on; past midnight counts on. */
export function minuteOf(instant: string, day: string, timeZone: string): number {
  const midnight = DateTime.fromISO(day, { zone: timeZone });
  return Math.round(DateTime.fromISO(instant).diff(midnight, 'minutes').minutes);
}

/** The instant (UTC, ISO) of a minute of `day` in the zone. */
export function instantAt(day: string, minute: number, timeZone: string): string {
  return DateTime.fromISO(day, { zone: timeZone }).plus({ minutes: minute }).toUTC().toISO()!;
}

/** "09:30", the wall-clock time of a minute of the day. */
export function clockOf(minute: number): string {
  const hours = Math.floor(minute / 60);
  return `${String(hours).padStart(2, '0')}:${String(minute % 60).padStart(2, '0')}`;
}

/** "09:30" → 570. */
export function minuteOfClock(clock: string): number {
  const [hours, minutes] = clock.split(':').map(Number);
  return hours * 60 + minutes;
}

export function snap(minute: number, step: number): number {
  return Math.round(minute / step) * step;
}

/** The hours the board shows: 08–18 at least, widened to whole hours around every session of the day. */
export function visibleHours(spans: { start: number; end: number }[]): { first: number; last: number } {
  let first = 8 * 60;
  let last = 18 * 60;
  for (const { start, end } of spans) {
    first = Math.min(first, Math.floor(start / 60) * 60);
    last = Math.max(last, Math.ceil(end / 60) * 60);
  }
  return { first: Math.max(0, first), last: Math.min(24 * 60 + 6 * 60, last) };
}

/**
 * Side by side within a room: each overlapping group of spans shares the column, each span in the
 * first lane free when it starts. Answers each span's lane and how many lanes its group has.
 */
export function lanesOf(spans: { start: number; end: number }[]): { lane: number; lanes: number }[] {
  const order = spans.map((span, index) => ({ ...span, index })).sort((a, b) => a.start - b.start || a.end - b.end);
  const result: { lane: number; lanes: number }[] = spans.map(() => ({ lane: 0, lanes: 1 }));
  let group: number[] = [];
  let groupEnd = -Infinity;
  let laneEnds: number[] = [];
  const closeGroup = () => group.forEach((index) => (result[index].lanes = laneEnds.length));
  for (const span of order) {
    if (span.start >= groupEnd) {
      closeGroup();
      group = [];
      laneEnds = [];
    }
    let lane = laneEnds.findIndex((end) => end <= span.start);
    if (lane < 0) lane = laneEnds.push(span.end) - 1;
    else laneEnds[lane] = span.end;
    result[span.index].lane = lane;
    group.push(span.index);
    groupEnd = Math.max(groupEnd, span.end);
  }
  closeGroup();
  return result;
}
