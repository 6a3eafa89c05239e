import { searchable } from '../common/localisation';
import { queryTokens, sessionDocument } from '../search/search-terms';
import { checkSessionFilter } from '../sessions/session-filter';
import { SessionFilter } from '../sessions/session.inputs';
import { PublishedSession } from './published-programme';

/**
 * The `sessions` filter applied to published sessions, live or released alike, with the rules the
 * organisers' query has (`SessionService.applyFilter`), checked by the same `checkSessionFilter`
 * (so with the same bounds): a list matches any of its values, a session belongs to every local
 * day it overlaps, and every search word must start a word of the title or abstract, or a part of
 * a speaker's name.
 */
export function filterPublishedSessions(sessions: PublishedSession[], given: SessionFilter, timeZone: string): PublishedSession[] {
  const filter = checkSessionFilter(given, timeZone);
  const { days } = filter;
  const [tracks, rooms, formats, statuses, languages, speakers] = [
    filter.track,
    filter.room,
    filter.format,
    filter.status,
    filter.language,
    filter.speaker,
  ].map((values) => new Set<string>(values));
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
    if (tracks.size && !(session.track && tracks.has(session.track.slug))) return false;
    if (rooms.size && !(session.room && rooms.has(session.room.slug))) return false;
    if (formats.size && !formats.has(session.format)) return false;
    if (statuses.size && !statuses.has(session.status)) return false;
    if (languages.size && !languages.has(session.language)) return false;
    if (speakers.size && !session.lineUp.some((a) => speakers.has(a.speakerSlug))) return false;
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
