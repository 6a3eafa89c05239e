import { localDate } from '../site-context';

/** Beyond this many instants in one zone, the kept dates are dropped and worked out again. */
const MAX_KEPT_PER_ZONE = 100_000;

/** Each zone's local dates, by instant. */
const kept = new Map<string, Map<string, string>>();

/**
 * The conference-local date (yyyy-mm-dd) of an instant, as `localDate` gives it, remembered: a
 * programme's thousands of sessions share a few hundred start and end times, and formatting each
 * with Intl again was most of what assembling a large page from its kept pieces cost. The date of
 * an instant in a zone never changes while the process runs.
 */
export function localDay(instant: string, zone: string): string {
  let days = kept.get(zone);
  if (!days) kept.set(zone, (days = new Map()));
  let day = days.get(instant);
  if (day === undefined) {
    if (days.size >= MAX_KEPT_PER_ZONE) days.clear();
    days.set(instant, (day = localDate(instant, zone)));
  }
  return day;
}
