import { AppearanceRole } from '../../sessions/appearance.entity';
import { SessionFormat } from '../../sessions/session.entity';
import { ImportContext } from './import-context';
import { ImportedPerson, ImportedProgramme, ImportedRoom, ImportedSession, ImportedTrack, ImportFormat } from './imported-programme';
import { formatOf, inLocale, parseInstant, richText, text, unreadable, Warnings } from './parse-support';
import { readJson } from './schedule-json-parser';

type Node = Record<string, unknown>;
const isNode = (value: unknown): value is Node => typeof value === 'object' && value !== null && !Array.isArray(value);
const list = (value: unknown): unknown[] => (Array.isArray(value) ? value : []);

/** When a session has a start and no end. */
const MINUTES_WITHOUT_END = 30;

/**
 * Sessionize's "All Data" export: `sessions[]`, `speakers[]`, `rooms[]` and `categories[]` with
 * their `items[]`, all referring to each other by id. Its times are local, without an offset: they
 * are read in the conference's zone (one that carries an offset keeps it). The track is the item of
 * the category titled like "Track" (else the first category); the format the item of one titled like
 * "Session format", where it maps to one of Lectern's; service sessions are breaks.
 */
export function parseSessionize(document: string, context: ImportContext): ImportedProgramme {
  const parsed = readJson(document);
  if (!isNode(parsed) || !Array.isArray(parsed.sessions)) {
    throw unreadable('', 'the document is JSON but not a Sessionize export (no sessions[])');
  }
  const warnings = new Warnings();
  const locale = context.defaultLocale;

  const rooms = new Map<string, ImportedRoom>();
  for (const [r, room] of list(parsed.rooms).entries()) {
    if (!isNode(room) || !text(room.id)) {
      warnings.add(`rooms[${r}]`, 'room has no id, skipped');
      continue;
    }
    const key = `id:${text(room.id)}`;
    rooms.set(key, { key, name: text(room.name) || `Room ${text(room.id)}`, capacity: null });
  }

  const categories = list(parsed.categories).filter(isNode);
  const trackCategory = categories.find((c) => /track/i.test(text(c.title))) ?? categories.find((c) => !/format/i.test(text(c.title)));
  const formatCategory = categories.find((c) => /format|type/i.test(text(c.title)) && c !== trackCategory);
  const itemsOf = (category: Node | undefined) =>
    new Map(
      list(category?.items)
        .filter(isNode)
        .map((item) => [text(item.id), text(item.name)] as const),
    );
  const trackItems = itemsOf(trackCategory);
  const formatItems = itemsOf(formatCategory);
  if (!formatCategory) warnings.add('categories', 'no "Session format" category, sessions imported as TALK');

  const speakers = new Map<string, ImportedPerson>();
  for (const [s, speaker] of list(parsed.speakers).entries()) {
    if (!isNode(speaker) || !text(speaker.id)) {
      warnings.add(`speakers[${s}]`, 'speaker has no id, skipped');
      continue;
    }
    const key = text(speaker.id).toLowerCase();
    const name = text(speaker.fullName) || [text(speaker.firstName), text(speaker.lastName)].filter(Boolean).join(' ');
    if (!name) {
      warnings.add(`speakers[${key}]`, 'speaker has no name, skipped');
      continue;
    }
    speakers.set(key, { key, name, email: null, bio: inLocale(richText(speaker.bio, `speakers[${key}]/bio`, warnings), locale) });
  }

  const tracks = new Map<string, ImportedTrack>();
  const people = new Map<string, ImportedPerson>();
  const sessions: ImportedSession[] = [];
  const seen = new Set<string>();
  for (const [s, session] of parsed.sessions.entries()) {
    const path = `sessions[${isNode(session) && text(session.id) ? text(session.id) : s}]`;
    if (!isNode(session)) throw unreadable(path, 'not an object');
    const id = text(session.id);
    if (!id || seen.has(id)) {
      warnings.add(path, id ? 'a second session with this id, skipped' : 'session has no id, skipped');
      continue;
    }
    const title = text(session.title);
    if (!title) {
      warnings.add(path, 'session has no title, skipped');
      continue;
    }
    let startsAt: Date | null = null;
    let minutes = 0;
    if (text(session.startsAt)) {
      const start = parseInstant(text(session.startsAt), context.timeZone);
      if (!start) throw unreadable(`${path}/startsAt`, `"${text(session.startsAt)}" cannot be read as a time`);
      const end = text(session.endsAt) ? parseInstant(text(session.endsAt), context.timeZone) : null;
      if (text(session.endsAt) && !end) throw unreadable(`${path}/endsAt`, `"${text(session.endsAt)}" cannot be read as a time`);
      minutes = end ? Math.round(end.diff(start, 'minutes').minutes) : MINUTES_WITHOUT_END;
      if (!end) warnings.add(path, `no endsAt, imported as ${MINUTES_WITHOUT_END} minutes`);
      if (minutes <= 0) throw unreadable(path, 'endsAt is not after startsAt');
      startsAt = start.toUTC().toJSDate();
    }
    const items = list(session.categoryItems).map(text);
    const trackName = items.map((item) => trackItems.get(item)).find(Boolean) ?? null;
    const trackItem = items.find((item) => trackItems.has(item));
    if (trackName && trackItem && !tracks.has(trackName))
      tracks.set(trackName, { key: `category:${trackItem}`, name: trackName, color: null });
    let format = SessionFormat.TALK;
    const formatName = items.map((item) => formatItems.get(item)).find(Boolean);
    if (session.isServiceSession === true) format = SessionFormat.BREAK;
    else if (formatName) {
      const scratch = new Warnings();
      format = formatOf(formatName, path, scratch);
      if (scratch.list.length) {
        warnings.add(path, `session format "${formatName}" is not one of Lectern's formats, imported as TALK`);
        format = SessionFormat.TALK;
      }
    }
    const roomKey = text(session.roomId) ? `id:${text(session.roomId)}` : null;
    if (roomKey && !rooms.has(roomKey)) warnings.add(path, `room ${text(session.roomId)} is not in rooms[], imported without a room`);
    const lineUp: ImportedSession['lineUp'] = [];
    for (const reference of list(session.speakers)) {
      // "All Data" names speakers by id; the sessions-only export by `{ id, name }`.
      const key = (isNode(reference) ? text(reference.id) : text(reference)).toLowerCase();
      const person = speakers.get(key);
      if (!person) {
        warnings.add(path, `speaker ${key} is not in speakers[], left out of the line-up`);
        continue;
      }
      people.set(key, person);
      if (!lineUp.some((entry) => entry.person === key)) lineUp.push({ person: key, role: AppearanceRole.SPEAKER });
    }
    seen.add(id);
    sessions.push({
      key: `id:${id}`,
      path,
      title: inLocale(title, locale),
      abstract: inLocale(richText(session.description, `${path}/description`, warnings), locale),
      format,
      language: null,
      room: roomKey && rooms.has(roomKey) ? roomKey : null,
      track: trackName,
      startsAt,
      minutes,
      cancelled: false,
      lineUp,
    });
  }
  return {
    format: ImportFormat.SESSIONIZE,
    timeZone: null,
    rooms: [...rooms.values()],
    tracks: [...tracks.values()],
    people: [...people.values()],
    sessions,
    warnings: warnings.list,
  };
}
