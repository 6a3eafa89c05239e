import { DateTime } from 'luxon';
import { chooseLocale, localise, LocalisedText } from '../common/localisation';
import { PublishedProgramme, PublishedSession } from '../published/published-programme';
import { calendarLabels } from '../calendar/calendar-labels';
import { SessionStatus } from '../sessions/session.entity';
import { acronymOf, eventSlug, personGuid, roomGuid, trackGuid } from './export-ids';

/** What every export is made from: one conference's published programme (live or a release) and what it needs besides. */
export interface ExportSource {
  conference: { id: number; slug: string; name: string; startDate: string; endDate: string; timeZone: string; defaultLocale: string };
  programme: PublishedProgramme;
  /** The release shown, or null for the live programme. */
  release: { version: number; name: string } | null;
  /** The reader's `?locale=`; texts fall back to the conference's default language as elsewhere. */
  locale?: string;
  /** PUBLIC_BASE_URL. */
  baseUrl: string;
  /** The public rooms of the conference, by slug, for what the programme's shape does not keep. */
  rooms: ReadonlyMap<string, { capacity: number | null; position: number }>;
  /** The public speakers of the line-ups, by id, for what the programme's shape does not keep. */
  people: ReadonlyMap<number, { bio: LocalisedText; photoUrl: string | null }>;
}

/** The hour a schedule day changes at, in the conference's zone: a session at 01:00 belongs to the night before. */
export const DAY_CHANGE_HOUR = 4;

export interface ExportRoom {
  slug: string;
  name: string;
  guid: string;
  capacity: number | null;
}

export interface ExportTrack {
  slug: string;
  name: string;
  guid: string;
  color: string | null;
}

export interface ExportPerson {
  id: number;
  slug: string;
  guid: string;
  name: string;
  role: PublishedSession['lineUp'][number]['role'];
  biography: string | null;
  avatar: string | null;
}

export interface ExportEvent {
  session: PublishedSession;
  /** The session's id: positive, unique, stable. */
  id: number;
  /** The session's uid. */
  guid: string;
  slug: string;
  /** In the reader's locale; a cancelled session's says so up front. */
  title: string;
  abstract: string;
  /** Every locale the session's texts hold. */
  titles: LocalisedText;
  abstracts: LocalisedText;
  type: string;
  cancelled: boolean;
  isBreak: boolean;
  start: DateTime;
  end: DateTime;
  minutes: number;
  room: ExportRoom;
  track: ExportTrack | null;
  persons: ExportPerson[];
  url: string;
}

export interface ExportDay {
  /** From 1. */
  index: number;
  date: string;
  start: DateTime;
  end: DateTime;
  /** The rooms with events that day, in the conference's room order. */
  rooms: { room: ExportRoom; events: ExportEvent[] }[];
}

export interface ExportSchedule {
  source: ExportSource;
  acronym: string;
  title: string;
  /** Names this version of the programme: the release, or the live programme's latest change. */
  version: string;
  start: DateTime;
  end: DateTime;
  days: ExportDay[];
  rooms: ExportRoom[];
  tracks: ExportTrack[];
  /** Scheduled sessions only (the schedule formats have no place for unscheduled ones), in time order. */
  events: ExportEvent[];
  /** The locales the programme's texts hold, the default first. */
  languages: string[];
  url: string;
}

/** ISO 8601 with the zone's offset, whole seconds. */
export function isoWithOffset(at: DateTime): string {
  return at.toISO({ suppressMilliseconds: true, includeOffset: true })!;
}

/** Zero-padded `HH:MM`. */
export function hoursMinutes(minutes: number): string {
  return `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
}

/** ISO 8601 duration, `PT1H30M`. */
export function isoDuration(minutes: number): string {
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  if (minutes === 0) return 'PT0M';
  return `PT${hours ? `${hours}H` : ''}${rest ? `${rest}M` : ''}`;
}

/** Lays the programme out the way the schedule formats want it: days, rooms, events, people. */
export function exportSchedule(source: ExportSource): ExportSchedule {
  const { conference, programme } = source;
  const zone = conference.timeZone;
  const acronym = acronymOf(conference.slug);
  const labels = calendarLabels(source.locale, conference.defaultLocale);
  const text = (value: LocalisedText) => localise(value, source.locale, conference.defaultLocale) ?? '';

  const roomsBySlug = new Map<string, ExportRoom>();
  const roomOf = (room: PublishedSession['room']): ExportRoom => {
    const slug = room?.slug ?? '';
    let found = roomsBySlug.get(slug);
    if (!found) {
      found = {
        slug,
        // A session without a room is at the venue as a whole (a plenary break, say).
        name: room?.name ?? programme.conference.venue ?? conference.name,
        guid: roomGuid(conference.id, slug),
        capacity: room ? (source.rooms.get(slug)?.capacity ?? null) : null,
      };
      roomsBySlug.set(slug, found);
    }
    return found;
  };
  const tracksBySlug = new Map<string, ExportTrack>();
  const trackOf = (track: PublishedSession['track']): ExportTrack | null => {
    if (!track) return null;
    let found = tracksBySlug.get(track.slug);
    if (!found) {
      found = { slug: track.slug, name: track.name, guid: trackGuid(conference.id, track.slug), color: track.color ?? null };
      tracksBySlug.set(track.slug, found);
    }
    return found;
  };

  const events: ExportEvent[] = [];
  for (const session of programme.sessions) {
    if (!session.startsAt || !session.endsAt) continue;
    const start = DateTime.fromISO(session.startsAt, { zone });
    const end = DateTime.fromISO(session.endsAt, { zone });
    const cancelled = session.status === SessionStatus.CANCELLED;
    const title = text(session.title);
    events.push({
      session,
      id: session.id,
      guid: session.uid,
      slug: eventSlug(acronym, session.id, localise(session.title, conference.defaultLocale) ?? ''),
      title: cancelled ? `${labels.cancelled}: ${title}` : title,
      abstract: text(session.abstract),
      titles: session.title,
      abstracts: session.abstract,
      type: session.format.toLowerCase(),
      cancelled,
      isBreak: session.format === 'BREAK',
      start,
      end,
      minutes: Math.max(0, Math.round(end.diff(start, 'minutes').minutes)),
      room: roomOf(session.room),
      track: trackOf(session.track),
      persons: session.lineUp.map((appearance) => {
        const person = source.people.get(appearance.speakerId);
        return {
          id: appearance.speakerId,
          slug: appearance.speakerSlug,
          guid: personGuid(appearance.speakerId),
          name: appearance.speakerName,
          role: appearance.role,
          biography: person ? localise(person.bio, source.locale, conference.defaultLocale) || null : null,
          avatar: person?.photoUrl ?? null,
        };
      }),
      url: `${source.baseUrl}/calendars/sessions/${session.id}.ics`,
    });
  }

  const rooms = [...roomsBySlug.values()].sort(
    (a, b) =>
      (source.rooms.get(a.slug)?.position ?? Infinity) - (source.rooms.get(b.slug)?.position ?? Infinity) || a.name.localeCompare(b.name),
  );
  const dayOf = (at: DateTime) => at.minus({ hours: DAY_CHANGE_HOUR }).toISODate()!;
  const dates = new Set<string>();
  for (let day = DateTime.fromISO(conference.startDate, { zone }); day.toISODate()! <= conference.endDate; day = day.plus({ days: 1 })) {
    dates.add(day.toISODate()!);
  }
  for (const event of events) dates.add(dayOf(event.start));
  const days = [...dates].sort().map((date, i): ExportDay => {
    const start = DateTime.fromISO(date, { zone }).set({ hour: DAY_CHANGE_HOUR });
    const own = events.filter((event) => dayOf(event.start) === date);
    return {
      index: i + 1,
      date,
      start,
      end: start.plus({ days: 1 }).minus({ seconds: 1 }),
      rooms: rooms.map((room) => ({ room, events: own.filter((event) => event.room === room) })).filter((r) => r.events.length > 0),
    };
  });

  const languages = new Set<string>([conference.defaultLocale]);
  for (const session of programme.sessions)
    for (const locale of [...Object.keys(session.title), ...Object.keys(session.abstract)]) languages.add(locale);
  const latest = programme.sessions.reduce((max, session) => (session.updatedAt > max ? session.updatedAt : max), '');

  return {
    source,
    acronym,
    title: conference.name,
    version: source.release ? `${source.release.version} ${source.release.name}`.trim() : latest ? `live ${latest}` : 'live',
    start: days.length ? days[0].start : DateTime.fromISO(conference.startDate, { zone }),
    end: days.length ? days[days.length - 1].end : DateTime.fromISO(conference.endDate, { zone }).endOf('day'),
    days,
    rooms,
    tracks: [...tracksBySlug.values()].sort((a, b) => a.name.localeCompare(b.name)),
    events,
    languages: [...languages],
    url: programme.conference.websiteUrl ?? `${source.baseUrl}/exports/conferences/${encodeURIComponent(conference.slug)}/schedule.xml`,
  };
}

/** The locale of the reader's texts, for formats that name it. */
export function chosenLocale(schedule: ExportSchedule): string {
  return (
    chooseLocale(schedule.languages, schedule.source.locale, schedule.source.conference.defaultLocale) ??
    schedule.source.conference.defaultLocale
  );
}
