import ICAL from 'ical.js';
import nodeIcal, { VEvent } from 'node-ical';

/** An event's start and end, as ISO instants in UTC, by the event's UID (without "@lectern"). */
export type Instants = Record<string, [start: string, end: string]>;

const utc = (time: ICAL.Time) => new Date(time.toUnixTime() * 1000).toISOString();
const uidOf = (uid: string) => uid.replace(/@lectern$/, '');

/**
 * Every timed event's start and end as two independent parsers read a feed: ical.js through the
 * feed's own VTIMEZONE, node-ical through its own tz database by the TZID's name. A feed is right
 * when both give the sessions' instants.
 */
export function instantsRead(text: string): { icalJs: Instants; nodeIcal: Instants } {
  const icalJs: Instants = {};
  for (const vevent of new ICAL.Component(ICAL.parse(text)).getAllSubcomponents('vevent')) {
    const event = new ICAL.Event(vevent);
    icalJs[uidOf(event.uid)] = [utc(event.startDate), utc(event.endDate)];
  }
  const other: Instants = {};
  for (const component of Object.values(nodeIcal.sync.parseICS(text))) {
    if (component?.type !== 'VEVENT') continue;
    const event = component as VEvent;
    other[uidOf(event.uid)] = [event.start.toISOString(), event.end!.toISOString()];
  }
  return { icalJs, nodeIcal: other };
}

/** The instants both parsers must read, from the times a test gave (any ISO form). */
export function instantsOf(times: Record<string, readonly [start: string, end: string]>): Instants {
  return Object.fromEntries(
    Object.entries(times).map(([uid, [start, end]]) => [uid, [new Date(start).toISOString(), new Date(end).toISOString()]]),
  );
}
