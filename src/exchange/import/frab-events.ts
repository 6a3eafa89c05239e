import { DateTime } from 'luxon';
import { SessionFormat } from '../../sessions/session.entity';
import { AppearanceRole } from '../../sessions/appearance.entity';
import { ImportedPerson, ImportedProgramme, ImportedRoom, ImportedSession, ImportedTrack, ImportFormat } from './imported-programme';
import {
  cancelledTitle,
  formatOf,
  inLocale,
  languageOf,
  parseDuration,
  parseInstant,
  richText,
  roleOf,
  sourceKey,
  text,
  unreadable,
  Warnings,
} from './parse-support';

/** An event as frab's XML and schedule.json v1 both have it, read into plain values. */
export interface FrabEvent {
  path: string;
  id: unknown;
  guid: unknown;
  date: string;
  start: string;
  duration: unknown;
  title: string;
  type: string;
  language: unknown;
  abstract: unknown;
  description: unknown;
  track: string;
  persons: { id?: unknown; guid?: unknown; code?: unknown; name: string; email?: unknown; biography?: unknown; role?: string }[];
}

/** Gathers rooms, tracks, people and sessions of the frab family (XML and JSON v1) into the neutral model. */
export class FrabCollector {
  private readonly rooms = new Map<string, ImportedRoom & { guid: string | null }>();
  private readonly tracks = new Map<string, ImportedTrack>();
  private readonly people = new Map<string, ImportedPerson>();
  private readonly sessions: ImportedSession[] = [];
  private readonly sessionKeys = new Set<string>();

  constructor(
    readonly warnings: Warnings,
    private readonly format: ImportFormat,
    private readonly timeZone: string | null,
    /** The zone times without an offset are read in: the document's, else the conference's. */
    private readonly zone: string,
    private readonly locale: string,
  ) {}

  room(name: string, guid: unknown, capacity: unknown, path: string): string {
    const roomName = name || 'Room';
    if (!name) this.warnings.add(path, 'room has no name, imported as "Room"');
    let room = this.rooms.get(roomName);
    if (!room) {
      room = {
        key: roomName,
        name: roomName,
        guid: text(guid).toLowerCase() || null,
        capacity: typeof capacity === 'number' && capacity >= 0 ? Math.round(capacity) : null,
      };
      this.rooms.set(roomName, room);
    } else if (room.capacity === null && typeof capacity === 'number' && capacity >= 0) room.capacity = Math.round(capacity);
    if (!room.guid) room.guid = text(guid).toLowerCase() || null;
    return roomName;
  }

  track(name: string, color?: unknown): void {
    if (!name || this.tracks.has(name)) return;
    const given = text(color);
    this.tracks.set(name, { name, color: /^#[0-9a-fA-F]{6}$/.test(given) ? given.toLowerCase() : null });
  }

  /** One event; the day's date is used when the event carries none. */
  event(event: FrabEvent, room: string, dayDate: string | null): void {
    const { path, warnings } = { path: event.path, warnings: this.warnings };
    const key = sourceKey(event.guid, event.id, path, warnings);
    if (!key) {
      warnings.add(path, 'event has neither guid nor id, skipped');
      return;
    }
    if (this.sessionKeys.has(key)) {
      warnings.add(path, `a second event with source id ${key}, skipped`);
      return;
    }
    const { title: rawTitle, cancelled } = cancelledTitle(event.title);
    if (!rawTitle) {
      warnings.add(path, 'event has no title, skipped');
      return;
    }
    let start: DateTime | null = parseInstant(event.date, this.zone);
    if (start && !/T\d/.test(event.date)) start = null;
    if (!start && dayDate && /^\d{1,2}:\d{2}$/.test(event.start)) {
      start = parseInstant(`${dayDate}T${event.start.padStart(5, '0')}`, this.zone);
      if (start) warnings.add(path, 'no date with a time, taken from the day and start');
    }
    if (!start) throw unreadable(path, `no time can be read (date "${event.date}", start "${event.start}")`);
    let minutes = parseDuration(event.duration);
    if (minutes === null) throw unreadable(path, `duration "${text(event.duration)}" cannot be read`);
    if (minutes === 0) {
      warnings.add(path, 'duration is zero, imported as 5 minutes');
      minutes = 5;
    }
    const format = formatOf(event.type, path, warnings);
    const abstract = [richText(event.abstract, `${path}/abstract`, warnings), richText(event.description, `${path}/description`, warnings)]
      .filter(Boolean)
      .join('\n\n');
    if (event.track) this.track(event.track);
    const lineUp: ImportedSession['lineUp'] = [];
    event.persons.forEach((person, index) => {
      const at = `${path}/person[${index + 1}]`;
      const name = person.name.trim();
      if (!name) {
        warnings.add(at, 'person has no name, skipped');
        return;
      }
      const personKey = text(person.guid)
        ? sourceKey(person.guid, undefined, at, warnings)!
        : text(person.id)
          ? `id:${text(person.id)}`
          : text(person.code)
            ? `code:${text(person.code)}`
            : `name:${name.toLowerCase()}`;
      if (personKey.startsWith('name:')) warnings.add(at, `person "${name}" has no id, matched by name`);
      if (!this.people.has(personKey)) {
        const bio = richText(person.biography, `${at}/biography`, warnings);
        const email = text(person.email) || null;
        this.people.set(personKey, { key: personKey, name, email, bio: inLocale(bio, this.locale) });
      }
      if (lineUp.some((entry) => entry.person === personKey)) warnings.add(at, `${name} is named twice, listed once`);
      else lineUp.push({ person: personKey, role: person.role ? roleOf(person.role, at, warnings) : AppearanceRole.SPEAKER });
    });
    this.sessionKeys.add(key);
    this.sessions.push({
      key,
      path,
      title: { [this.locale]: rawTitle },
      abstract: inLocale(abstract, this.locale),
      format,
      language: languageOf(event.language, path, warnings),
      room,
      track: event.track || null,
      startsAt: start.toUTC().toJSDate(),
      minutes,
      cancelled,
      lineUp,
    });
  }

  result(): ImportedProgramme {
    // A guid two rooms share cannot tell them apart: such rooms are matched by name.
    const guidCount = new Map<string, number>();
    for (const room of this.rooms.values()) if (room.guid) guidCount.set(room.guid, (guidCount.get(room.guid) ?? 0) + 1);
    const keys = new Map<string, string>();
    const rooms: ImportedRoom[] = [...this.rooms.values()].map((room) => {
      const unique = room.guid && guidCount.get(room.guid) === 1;
      if (room.guid && !unique) this.warnings.add(`room[${room.name}]`, 'guid is shared with another room, matched by name');
      const key = unique ? room.guid! : `name:${room.name}`;
      keys.set(room.key, key);
      return { key, name: room.name, capacity: room.capacity };
    });
    return {
      format: this.format,
      timeZone: this.timeZone,
      rooms,
      tracks: [...this.tracks.values()],
      people: [...this.people.values()],
      sessions: this.sessions.map((session) => ({ ...session, room: session.room ? (keys.get(session.room) ?? null) : null })),
      warnings: this.warnings.list,
    };
  }
}

export const isBreak = (session: ImportedSession) => session.format === SessionFormat.BREAK;
