import { DateTime } from 'luxon';

/**
 * Times as the conference's organisers think of them: a wall-clock time in the conference's time
 * zone, whatever zone the organiser's own computer is in (the form of an <input type=datetime-local>).
 */

/** "2027-03-04T09:30" in the zone → the UTC instant, as ISO. */
export function utcOf(local: string, timeZone: string): string {
  return DateTime.fromISO(local, { zone: timeZone }).toUTC().toISO()!;
}

/** The UTC instant → "2027-03-04T09:30", the wall-clock time in the zone. */
export function localOf(utc: string, timeZone: string): string {
  return DateTime.fromISO(utc, { zone: 'utc' }).setZone(timeZone).toFormat("yyyy-LL-dd'T'HH:mm");
}
