import { DateTime } from 'luxon';
import { create } from 'xmlbuilder2';
import { version as lecternVersion } from '../../package.json';
import { ExportSchedule } from './export-model';

const XCAL_NAMESPACE = 'urn:ietf:params:xml:ns:icalendar-2.0';

/** RFC 6321's date-time value, in UTC. */
function utc(at: DateTime | string): string {
  const instant = typeof at === 'string' ? DateTime.fromISO(at, { zone: 'utc' }) : at.toUTC();
  return instant.toUTC().toFormat("yyyy-LL-dd'T'HH:mm:ss'Z'");
}

/**
 * xCal (RFC 6321): the same events as the conference's iCal feed, under the same UIDs
 * (`<uid>@lectern`) and at the same UTC instants, for readers that want XML rather than iCal text.
 */
export function xcal(schedule: ExportSchedule): string {
  const root = create({ version: '1.0', encoding: 'UTF-8' }).ele(XCAL_NAMESPACE, 'icalendar');
  const calendar = root.ele('vcalendar');
  const properties = calendar.ele('properties');
  properties.ele('prodid').ele('text').txt(`-//Lectern//Lectern ${lecternVersion}//EN`);
  properties.ele('version').ele('text').txt('2.0');
  properties.ele('x-wr-calname').ele('unknown').txt(schedule.title);
  properties.ele('x-wr-timezone').ele('unknown').txt(schedule.source.conference.timeZone);
  const components = calendar.ele('components');
  for (const event of schedule.events) {
    const vevent = components.ele('vevent').ele('properties');
    vevent.ele('uid').ele('text').txt(`${event.guid}@lectern`);
    vevent.ele('dtstamp').ele('date-time').txt(utc(event.session.updatedAt));
    vevent.ele('dtstart').ele('date-time').txt(utc(event.start));
    vevent.ele('dtend').ele('date-time').txt(utc(event.end));
    vevent.ele('sequence').ele('integer').txt(String(event.session.revision));
    vevent.ele('summary').ele('text').txt(event.title);
    if (event.abstract) vevent.ele('description').ele('text').txt(event.abstract);
    vevent.ele('location').ele('text').txt(event.room.name);
    if (event.track) vevent.ele('categories').ele('text').txt(event.track.name);
    vevent
      .ele('status')
      .ele('text')
      .txt(event.cancelled ? 'CANCELLED' : event.session.status === 'TENTATIVE' ? 'TENTATIVE' : 'CONFIRMED');
    vevent
      .ele('transp')
      .ele('text')
      .txt(event.isBreak ? 'TRANSPARENT' : 'OPAQUE');
    vevent.ele('url').ele('uri').txt(event.url);
  }
  return root.end({ prettyPrint: true });
}
