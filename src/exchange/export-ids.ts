import { v5 as uuidv5 } from 'uuid';
import { slugOf } from '../common/slugs';

/**
 * The identifiers exports give, stable across releases and restarts: apps keep favourites by them
 * and diff releases by them (EventFahrplan by the event's `@id`). An event is its session (`@id`
 * the session id, `@guid` its `uid`, the same as its calendar events'); rooms, tracks and people
 * get UUID v5 of a fixed Lectern namespace and a key that never changes with their names.
 */
export const LECTERN_NAMESPACE = 'f2b7d3c4-5e1a-4b8f-9c6d-2a3e4f5b6c7d';

export function roomGuid(conferenceId: number, roomSlug: string): string {
  return uuidv5(`room:${conferenceId}:${roomSlug}`, LECTERN_NAMESPACE);
}

export function trackGuid(conferenceId: number, trackSlug: string): string {
  return uuidv5(`track:${conferenceId}:${trackSlug}`, LECTERN_NAMESPACE);
}

export function personGuid(speakerId: number): string {
  return uuidv5(`speaker:${speakerId}`, LECTERN_NAMESPACE);
}

/**
 * The conference's acronym as both schedule formats accept it: lower-case letters, digits and
 * `_` (the XML allows `-` too, schedule.json only in a suffix), at least four characters.
 */
export function acronymOf(slug: string): string {
  const acronym = slug
    .toLowerCase()
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .replace(/[^a-z0-9_]+/g, '_')
    .replace(/^_+|_+$/g, '');
  return acronym.length >= 4 ? acronym : `${acronym}____`.slice(0, 4).replace(/^_/, 'c');
}

/** An event's slug, unique in the document: `<acronym>-<id>-<title>` (the XSD's `voc-slug-new`). */
export function eventSlug(acronym: string, sessionId: number, title: string): string {
  const titled = slugOf(title);
  return `${acronym}-${sessionId}${titled ? `-${titled}` : '-session'}`;
}
