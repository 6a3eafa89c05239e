import { LocalisedText } from '../../common/localisation';
import { knownLocale } from '../../common/validation';
import { SessionFormat } from '../../sessions/session.entity';
import { FrabCollector } from './frab-events';
import { ImportContext } from './import-context';
import { IMPORT_DEPTH_MAX } from './import-limits';
import { ImportedPerson, ImportedProgramme, ImportedRoom, ImportedSession, ImportedTrack, ImportFormat } from './imported-programme';
import {
  cancelledTitle,
  checkSize,
  formatOf,
  languageOf,
  parseDuration,
  parseInstant,
  richText,
  roleOf,
  sourceKey,
  text,
  tooDeep,
  unreadable,
  Warnings,
  zoneOf,
} from './parse-support';

type Node = Record<string, unknown>;
const isNode = (value: unknown): value is Node => typeof value === 'object' && value !== null && !Array.isArray(value);
const list = (value: unknown): unknown[] => (Array.isArray(value) ? value : []);

/** Size and depth checked before `JSON.parse`, then parsed, naming where it breaks. */
export function readJson(document: string): unknown {
  checkSize(document);
  let depth = 0;
  let inString = false;
  for (let i = 0; i < document.length; i++) {
    const c = document[i];
    if (inString) {
      if (c === '\\') i++;
      else if (c === '"') inString = false;
    } else if (c === '"') inString = true;
    else if (c === '{' || c === '[') {
      if (++depth > IMPORT_DEPTH_MAX) throw tooDeep();
    } else if (c === '}' || c === ']') depth--;
  }
  try {
    return JSON.parse(document);
  } catch (error) {
    throw unreadable('', `not JSON (${(error as Error).message})`);
  }
}

function scheduleOf(parsed: unknown, expected: string): Node {
  const schedule = isNode(parsed) ? parsed.schedule : undefined;
  if (!isNode(schedule) || !isNode(schedule.conference)) {
    throw unreadable('schedule', `the document is JSON but not a ${expected} (no schedule.conference)`);
  }
  return schedule;
}

/** schedule.json v1 as pretalx and frab write it (persons in either shape, or as plain names). */
export function parseScheduleJson(document: string, context: ImportContext): ImportedProgramme {
  const schedule = scheduleOf(readJson(document), 'schedule.json');
  const conference = schedule.conference as Node;
  if (!Array.isArray(conference.days)) throw unreadable('schedule/conference/days', 'missing: a schedule.json v1 lists its days');
  const warnings = new Warnings();
  const zone = zoneOf(conference.time_zone_name, 'conference/time_zone_name', warnings);
  if (!zone) warnings.add('conference', `no time zone, times without an offset are read in ${context.timeZone}`);
  const collector = new FrabCollector(warnings, ImportFormat.SCHEDULE_JSON, zone, zone ?? context.timeZone, context.defaultLocale);
  for (const track of list(conference.tracks)) if (isNode(track)) collector.track(text(track.name), track.color);
  const capacities = new Map<string, { guid: unknown; capacity: unknown }>();
  for (const room of list(conference.rooms))
    if (isNode(room)) capacities.set(text(room.name), { guid: room.guid, capacity: room.capacity });
  for (const [d, day] of (conference.days as unknown[]).entries()) {
    const dayPath = `day[${isNode(day) ? text(day.index) || d + 1 : d + 1}]`;
    if (!isNode(day)) throw unreadable(dayPath, 'not an object');
    if (!day.day_end) warnings.add(dayPath, 'no day_end, not needed for an import');
    if (!isNode(day.rooms)) {
      warnings.add(dayPath, 'no rooms, nothing to import from this day');
      continue;
    }
    for (const [roomName, events] of Object.entries(day.rooms)) {
      const roomPath = `${dayPath}/room[${roomName}]`;
      const known = capacities.get(roomName);
      const key = collector.room(roomName, known?.guid, known?.capacity, roomPath);
      if (!Array.isArray(events)) throw unreadable(roomPath, 'not a list of events');
      events.forEach((event: unknown, e) => {
        const path = `${roomPath}/event[${isNode(event) ? text(event.id) || text(event.guid) || e + 1 : e + 1}]`;
        if (!isNode(event)) throw unreadable(path, 'not an object');
        const persons = list(event.persons).map((person, p) => {
          if (typeof person === 'string') {
            warnings.add(`${path}/person[${p + 1}]`, 'person is a plain name');
            return { name: person };
          }
          const given = isNode(person) ? person : {};
          return {
            id: given.id,
            guid: given.guid,
            code: given.code,
            name: text(given.public_name) || text(given.name) || text(given.full_public_name),
            email: given.email,
            biography: given.biography,
            role: text(given.role) || undefined,
          };
        });
        collector.event(
          {
            path,
            id: event.id,
            guid: event.guid,
            date: text(event.date),
            start: text(event.start),
            duration: event.duration,
            title: text(event.title),
            type: text(event.type),
            language: event.language,
            abstract: event.abstract,
            description: event.description,
            track: text(event.track),
            persons,
          },
          key,
          text(day.date) || null,
        );
      });
    }
  }
  return collector.result();
}

const STRING_OR_MAP = (value: unknown, fallback: string): LocalisedText => {
  if (typeof value === 'string') return value.trim() ? { [fallback]: value.trim() } : {};
  if (!isNode(value)) return {};
  const texts: LocalisedText = {};
  for (const [locale, given] of Object.entries(value)) {
    const canonical = knownLocale(locale);
    if (canonical && typeof given === 'string' && given.trim()) texts[canonical] = given.trim();
  }
  return texts;
};

/** schedule2 (c3voc's alpha draft): a flat list of events with start and end, texts in every locale. */
export function parseSchedule2Json(document: string, context: ImportContext): ImportedProgramme {
  const schedule = scheduleOf(readJson(document), 'schedule2 document');
  const conference = schedule.conference as Node;
  if (!Array.isArray(schedule.events)) throw unreadable('schedule/events', 'missing: schedule2 lists its events');
  const warnings = new Warnings();
  const zone = zoneOf(conference.time_zone_name, 'conference/time_zone_name', warnings);
  const readZone = zone ?? context.timeZone;
  const defaults = isNode(conference.defaults) ? conference.defaults : {};
  const locale = knownLocale(text(defaults.language)) ?? context.defaultLocale;
  const tracks = new Map<string, ImportedTrack>();
  const trackNames = new Map<string, string>();
  for (const track of list(conference.tracks)) {
    if (!isNode(track) || !text(track.name)) continue;
    const name = text(track.name);
    tracks.set(name, {
      ...(text(track.slug) ? { key: `slug:${text(track.slug)}` } : {}),
      name,
      color: /^#[0-9a-fA-F]{6}$/.test(text(track.color)) ? text(track.color).toLowerCase() : null,
    });
    if (text(track.slug)) trackNames.set(text(track.slug), name);
  }
  const rooms = new Map<string, ImportedRoom>();
  const roomKey = (reference: unknown, path: string): string | null => {
    if (!isNode(reference) && typeof reference !== 'string') return null;
    const name = typeof reference === 'string' ? reference : text(reference.name);
    const guid = isNode(reference) ? text(reference.guid).toLowerCase() : '';
    const key = guid || `name:${name}`;
    if (!name && !guid) return null;
    if (!rooms.has(key)) rooms.set(key, { key, name: name || 'Room', capacity: null });
    if (!guid) warnings.add(path, 'room has no guid, matched by name');
    return key;
  };
  for (const room of list(conference.rooms)) {
    if (!isNode(room)) continue;
    const key = roomKey(room, `room[${text(room.name)}]`);
    if (key && typeof room.capacity === 'number') rooms.get(key)!.capacity = room.capacity;
  }
  const people = new Map<string, ImportedPerson>();
  const sessions: ImportedSession[] = [];
  const seen = new Set<string>();
  schedule.events.forEach((event: unknown, e) => {
    const path = `event[${isNode(event) ? text(event.guid) || e + 1 : e + 1}]`;
    if (!isNode(event)) throw unreadable(path, 'not an object');
    const key = sourceKey(event.guid, event.id, path, warnings);
    if (!key || seen.has(key)) {
      warnings.add(path, key ? `a second event with source id ${key}, skipped` : 'event has neither guid nor id, skipped');
      return;
    }
    const start = parseInstant(text(event.start), readZone);
    if (!start) throw unreadable(path, `start "${text(event.start)}" cannot be read`);
    const end = parseInstant(text(event.end), readZone);
    let minutes = end ? Math.round(end.diff(start, 'minutes').minutes) : parseDuration(event.duration);
    if (minutes === null || minutes < 0) throw unreadable(path, 'neither end nor duration can be read');
    if (minutes === 0) {
      warnings.add(path, 'duration is zero, imported as 5 minutes');
      minutes = 5;
    }
    const title = STRING_OR_MAP(event.title, locale);
    const state = text(event.state).toUpperCase();
    const cancelled = state === 'CANCELED' || state === 'CANCELLED';
    // Lectern's own exports say so in the title too: the title without it.
    if (cancelled) for (const l of Object.keys(title)) title[l] = cancelledTitle(title[l]).title;
    if (!Object.keys(title).length) {
      warnings.add(path, 'event has no title, skipped');
      return;
    }
    const abstract: LocalisedText = {};
    for (const [l, value] of Object.entries(STRING_OR_MAP(event.abstract, locale))) {
      abstract[l] = richText(value, `${path}/abstract`, warnings);
    }
    const type = text(event.type);
    const format = type.toUpperCase() === 'BREAK' ? SessionFormat.BREAK : formatOf(type, path, warnings);
    const trackRef = event.track;
    const trackSlug = isNode(trackRef) ? text(trackRef.slug) : '';
    const trackName = isNode(trackRef) ? trackNames.get(trackSlug) || text(trackRef.name) || null : text(trackRef) || null;
    if (trackName && !tracks.has(trackName)) {
      tracks.set(trackName, { ...(trackSlug ? { key: `slug:${trackSlug}` } : {}), name: trackName, color: null });
    }
    const lineUp: ImportedSession['lineUp'] = [];
    list(event.participants ?? event.persons).forEach((participant, p) => {
      const at = `${path}/participant[${p + 1}]`;
      const given = isNode(participant) ? participant : { name: participant };
      const name = text(given.name) || text(given.public_name);
      if (!name) return warnings.add(at, 'participant has no name, skipped');
      const personKey = text(given.guid) ? sourceKey(given.guid, undefined, at, warnings)! : `name:${name.toLowerCase()}`;
      if (!people.has(personKey)) people.set(personKey, { key: personKey, name, email: text(given.email) || null, bio: {} });
      if (!lineUp.some((entry) => entry.person === personKey))
        lineUp.push({ person: personKey, role: roleOf(text(given.role), at, warnings) });
    });
    seen.add(key);
    sessions.push({
      key,
      path,
      title,
      abstract,
      format,
      language: languageOf(event.language, path, warnings),
      room: roomKey(event.room, path),
      track: trackName,
      startsAt: start.toUTC().toJSDate(),
      minutes,
      cancelled,
      lineUp,
    });
  });
  return {
    format: ImportFormat.SCHEDULE2_JSON,
    timeZone: zone,
    rooms: [...rooms.values()],
    tracks: [...tracks.values()],
    people: [...people.values()],
    sessions,
    warnings: warnings.list,
  };
}
