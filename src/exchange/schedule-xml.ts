import { create } from 'xmlbuilder2';
import { version as lecternVersion } from '../../package.json';
import { ExportSchedule, hoursMinutes, isoWithOffset } from './export-model';

/**
 * frab's (Pentabarf's) schedule XML, as c3voc's `schedule.xml.xsd` has it and Giggity, ConfClerk,
 * EventFahrplan and FOSDEM Companion read it: every event's eight required children present
 * (empty rather than missing), its own `<date>` with offset (a session after midnight belongs to
 * the day before, but says when it is), `start` and `duration` as zero-padded `HH:MM`.
 */
export function scheduleXml(schedule: ExportSchedule, address: string): string {
  const { source } = schedule;
  const root = create({ version: '1.0', encoding: 'UTF-8' }).ele('schedule');
  root.ele('generator', { name: 'lectern', version: lecternVersion });
  if (/^https?:\/\//.test(address)) root.ele('url').txt(address);
  root.ele('version').txt(schedule.version);
  const conference = root.ele('conference');
  conference.ele('acronym').txt(schedule.acronym);
  conference.ele('title').txt(schedule.title);
  conference.ele('start').txt(isoWithOffset(schedule.start));
  conference.ele('end').txt(isoWithOffset(schedule.end));
  conference.ele('days').txt(String(schedule.days.length));
  conference.ele('timeslot_duration').txt('00:05');
  conference.ele('base_url').txt(`${source.baseUrl}/`);
  if (/^https?:\/\//.test(schedule.url)) conference.ele('url').txt(schedule.url);
  conference.ele('time_zone_name').txt(source.conference.timeZone);
  for (const track of schedule.tracks) {
    const attributes: Record<string, string> = { name: track.name };
    if (track.color && /^#[0-9a-fA-F]{6}$/.test(track.color)) attributes.color = track.color;
    if (/^[a-z][a-z0-9-]+$/.test(track.slug)) attributes.slug = track.slug;
    conference.ele('track', attributes).txt(track.name);
  }
  for (const day of schedule.days) {
    const dayElement = root.ele('day', {
      index: String(day.index),
      date: day.date,
      start: isoWithOffset(day.start),
      end: isoWithOffset(day.end),
    });
    for (const { room, events } of day.rooms) {
      const roomElement = dayElement.ele('room', { name: room.name, guid: room.guid });
      for (const event of events) {
        const element = roomElement.ele('event', { id: String(event.id), guid: event.guid });
        element.ele('date').txt(isoWithOffset(event.start));
        element.ele('start').txt(event.start.toFormat('HH:mm'));
        element.ele('duration').txt(hoursMinutes(event.minutes));
        element.ele('room').txt(room.name);
        element.ele('slug').txt(event.slug);
        element.ele('url').txt(event.url);
        element.ele('title').txt(event.title);
        element.ele('subtitle').txt('');
        element.ele('track').txt(event.track?.name ?? '');
        element.ele('type').txt(event.type);
        element.ele('language').txt(event.session.language);
        element.ele('abstract').txt(event.abstract);
        element.ele('description').txt('');
        const persons = element.ele('persons');
        for (const person of event.persons) persons.ele('person', { id: String(person.id), guid: person.guid }).txt(person.name);
        const links = element.ele('links');
        for (const [url, title] of [
          [event.session.slidesUrl, 'Slides'],
          [event.session.recordingUrl, 'Recording'],
          [event.session.streamUrl ?? event.session.room?.streamUrl ?? null, 'Stream'],
        ] as const) {
          if (url) links.ele('link', { href: url }).txt(title);
        }
      }
    }
  }
  return root.end({ prettyPrint: true });
}
