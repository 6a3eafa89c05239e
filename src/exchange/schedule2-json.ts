import { version as lecternVersion } from '../../package.json';
import { LocalisedText } from '../common/localisation';
import { AppearanceRole } from '../sessions/appearance.entity';
import { SessionFormat } from '../sessions/session.entity';
import { ExportEvent, ExportSchedule, isoDuration, isoWithOffset } from './export-model';

/** Lectern's formats as schedule2's event types (its enum has no keynote, panel or hackathon). */
const TYPES: Record<Exclude<SessionFormat, SessionFormat.BREAK>, string> = {
  KEYNOTE: 'TALK',
  TALK: 'TALK',
  PANEL: 'DISCUSSION',
  INTERVIEW: 'DISCUSSION',
  WORKSHOP: 'WORKSHOP',
  HACKATHON: 'HANDS-ON',
  OTHER: 'OTHER',
};

/** The track of events without one (schedule2 requires a track reference). */
export const UNTRACKED = 'general';

/** Lectern's roles as schedule2's participant roles. */
const ROLES: Record<AppearanceRole, string> = {
  SPEAKER: 'SPEAKER',
  PANELIST: 'CONTRIBUTOR',
  MODERATOR: 'MODERATOR',
  HOST: 'HOST',
  INTERVIEWEE: 'GUEST',
};

/** schedule2's languages are ISO 639-1 codes: a locale's language, when it has one. */
function language(locale: string): string | undefined {
  const code = locale.toLowerCase().split('-')[0];
  return /^[a-z]{2}$/.test(code) ? code : undefined;
}

/** Every locale a text holds, keyed by language (the first locale of a language wins). */
function localised(text: LocalisedText): Record<string, string> {
  const map: Record<string, string> = {};
  for (const [locale, value] of Object.entries(text)) {
    const code = language(locale);
    if (code && !(code in map)) map[code] = value;
  }
  return map;
}

/**
 * schedule2 (c3voc's alpha-3 draft): one flat list of events with start and end instants and ISO
 * 8601 durations, participants with their roles, `state` for cancelled ones, rooms and tracks by
 * reference, and every text in every locale Lectern holds (a `{locale: text}` map). Breaks are
 * the schema's meta events of type BREAK.
 */
export function schedule2Json(schedule: ExportSchedule, address: string): string {
  const { source } = schedule;
  const roomReference = (event: ExportEvent) => ({
    name: event.room.name,
    guid: event.room.guid,
    ...(event.room.slug ? { slug: event.room.slug } : {}),
  });
  const languages = [...new Set(schedule.languages.map(language).filter((code): code is string => !!code))];
  const document = {
    $schema: 'https://c3voc.de/schema/schedule2',
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
        timeslot_duration: 'PT5M',
        time_zone_name: source.conference.timeZone,
        url: schedule.url,
        languages,
        ...(language(source.conference.defaultLocale) ? { defaults: { language: language(source.conference.defaultLocale) } } : {}),
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
        })),
        days: schedule.days.map((day) => ({
          index: day.index,
          date: day.date,
          start: isoWithOffset(day.start),
          end: isoWithOffset(day.end),
        })),
      },
      events: schedule.events.map((event) =>
        event.isBreak
          ? {
              type: 'BREAK',
              guid: event.guid,
              title: event.title,
              start: isoWithOffset(event.start),
              end: isoWithOffset(event.end),
              room: roomReference(event),
            }
          : {
              guid: event.guid,
              start: isoWithOffset(event.start),
              end: isoWithOffset(event.end),
              duration: isoDuration(event.minutes),
              room: roomReference(event),
              slug: event.slug,
              url: event.url,
              title: event.title,
              subtitle: null,
              // The schema wants a track reference on every event; one without a track gets the catch-all.
              track: { slug: event.track?.slug ?? UNTRACKED },
              type: TYPES[event.session.format as Exclude<SessionFormat, SessionFormat.BREAK>] ?? 'OTHER',
              language: language(event.session.language) ?? language(source.conference.defaultLocale) ?? 'en',
              abstract: localisedOrNull(event.abstracts),
              description: null,
              participants: event.persons.map((person) => ({
                guid: person.guid,
                name: person.name,
                role: ROLES[person.role] ?? 'SPEAKER',
              })),
              links: links(event.session),
              state: event.cancelled ? 'CANCELED' : 'CONFIRMED',
            },
      ),
    },
  };
  return `${JSON.stringify(document, null, 2)}\n`;
}

function localisedOrNull(text: LocalisedText): Record<string, string> | null {
  const map = localised(text);
  return Object.keys(map).length ? map : null;
}

function links(session: { slidesUrl: string | null; recordingUrl: string | null }) {
  return [
    ...(session.slidesUrl ? [{ type: 'SLIDES', url: session.slidesUrl, title: 'Slides' }] : []),
    ...(session.recordingUrl ? [{ type: 'MEDIA', url: session.recordingUrl, title: 'Recording' }] : []),
  ];
}
