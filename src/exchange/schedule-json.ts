import { version as lecternVersion } from '../../package.json';
import { ExportSchedule, hoursMinutes, isoWithOffset } from './export-model';

/**
 * schedule.json v1 (c3voc's `schedule.schema.json`), exactly the schema's fields: it forbids
 * others. Persons in pretalx's shape (`name`, `guid`, `avatar`, `biography`); frab's shape
 * (`public_name` with `id`) would fail the schema's `oneOf` next to it.
 */
export function scheduleJson(schedule: ExportSchedule, address: string): string {
  const { source } = schedule;
  const document = {
    $schema: 'https://c3voc.de/schedule/schema.json',
    generator: { name: 'lectern', version: lecternVersion },
    schedule: {
      url: address,
      version: schedule.version,
      base_url: `${source.baseUrl}/`,
      conference: {
        acronym: schedule.acronym,
        title: schedule.title,
        start: isoWithOffset(schedule.start),
        end: isoWithOffset(schedule.end),
        daysCount: schedule.days.length,
        timeslot_duration: '00:05',
        time_zone_name: source.conference.timeZone,
        url: schedule.url,
        tracks: schedule.tracks.map((track) => ({
          name: track.name,
          slug: track.slug,
          ...(track.color && /^#[0-9a-fA-F]{6}$/.test(track.color) ? { color: track.color } : {}),
        })),
        rooms: schedule.rooms.map((room) => ({
          name: room.name,
          guid: room.guid,
          ...(room.slug ? { slug: room.slug } : {}),
          capacity: room.capacity,
          description: null,
        })),
        days: schedule.days.map((day) => ({
          index: day.index,
          date: day.date,
          day_start: isoWithOffset(day.start),
          day_end: isoWithOffset(day.end),
          rooms: Object.fromEntries(
            day.rooms.map(({ room, events }) => [
              room.name,
              events.map((event) => ({
                guid: event.guid,
                id: event.id,
                date: isoWithOffset(event.start),
                start: event.start.toFormat('HH:mm'),
                duration: hoursMinutes(event.minutes),
                room: room.name,
                slug: event.slug,
                url: event.url,
                title: event.title,
                subtitle: null,
                track: event.track?.name ?? null,
                type: event.type,
                language: event.session.language,
                abstract: event.abstract,
                description: null,
                persons: event.persons.map((person) => ({
                  name: person.name,
                  guid: person.guid,
                  avatar: person.avatar,
                  biography: person.biography,
                })),
                links: links(event.session),
              })),
            ]),
          ),
        })),
      },
    },
  };
  return `${JSON.stringify(document, null, 2)}\n`;
}

function links(session: { slidesUrl: string | null; recordingUrl: string | null }) {
  return [
    ...(session.slidesUrl ? [{ type: 'slides', url: session.slidesUrl, title: 'Slides' }] : []),
    ...(session.recordingUrl ? [{ type: 'media', url: session.recordingUrl, title: 'Recording' }] : []),
  ];
}
