import { DateTime } from 'luxon';
import { canonicalLocale } from '../common/validation';
import { searchable } from '../common/localisation';
import { queryTokens, sessionDocument } from '../search/search-terms';
import { SessionFilter } from '../sessions/session.inputs';
import { SnapshotSession } from './programme-snapshot';

/**
 * The `sessions` filter applied to a release's frozen sessions, with the rules the live query
 * has: a list matches any of its values, a session belongs to every local day it overlaps, and
 * every search word must start a word of the title or abstract, or a part of a speaker's name.
 */
export function filterReleasedSessions(sessions: SnapshotSession[], filter: SessionFilter, timeZone: string): SnapshotSession[] {
  const days = (filter.day ?? []).map((day) => {
    const start = DateTime.fromISO(day, { zone: timeZone }).startOf('day');
    return { start: start.toUTC().toISO()!, end: start.plus({ days: 1 }).toUTC().toISO()! };
  });
  const languages = (filter.language ?? []).map((language) => canonicalLocale(language) ?? language);
  const words = queryTokens(filter.text);
  return sessions.filter((session) => {
    if (
      days.length &&
      !days.some(
        ({ start, end }) =>
          session.startsAt !== null &&
          session.endsAt !== null &&
          new Date(session.startsAt) < new Date(end) &&
          new Date(session.endsAt) > new Date(start),
      )
    )
      return false;
    if (filter.track?.length && !(session.track && filter.track.includes(session.track.slug))) return false;
    if (filter.room?.length && !(session.room && filter.room.includes(session.room.slug))) return false;
    if (filter.format?.length && !filter.format.includes(session.format)) return false;
    if (filter.status?.length && !filter.status.includes(session.status)) return false;
    if (languages.length && !languages.includes(session.language)) return false;
    if (filter.speaker?.length && !session.lineUp.some((a) => filter.speaker!.includes(a.speakerSlug))) return false;
    if (words) {
      // The same words the live index holds, matched as it matches them: each word starts one of them.
      const document = sessionDocument(
        searchable(session.title, session.abstract),
        session.lineUp.map((a) => a.speakerName),
      );
      if (!words.every((word) => document.some((token) => token.startsWith(word)))) return false;
    }
    return true;
  });
}
