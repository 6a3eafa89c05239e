import { tzlib_get_ical_block, tzlib_get_timezones } from 'timezones-ical-library';

const KNOWN_ZONES = new Set(tzlib_get_timezones() as string[]);

/** Whether a VTIMEZONE can be written for the zone; events in other zones are written in UTC instead. */
export function hasVtimezone(zone: string): boolean {
  return KNOWN_ZONES.has(zone);
}

/**
 * The VTIMEZONE component for an IANA zone, for ical-generator's `timezone.generator`.
 *
 * The library answers a zone that tzdata keeps as a link with its target's rules under the
 * target's name (Europe/Oslo comes back as TZID:Europe/Berlin, the two being the same since 1970,
 * where the block's rules start). Events carry TZID=Europe/Oslo, and a TZID without a matching
 * VTIMEZONE leaves calendars guessing, so the block is given the name the events use.
 */
export function vtimezone(zone: string): string | null {
  if (!hasVtimezone(zone)) return null;
  const [block] = tzlib_get_ical_block(zone) as string[];
  if (!block) return null;
  return block.replace(/^TZID:.*$/m, `TZID:${zone}`).replace(/^X-LIC-LOCATION:.*$/m, `X-LIC-LOCATION:${zone}`);
}
