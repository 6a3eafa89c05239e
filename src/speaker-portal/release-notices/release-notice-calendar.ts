import { calendarSession } from '../../calendar/calendar-session';
import { renderFeed } from '../../calendar/feed-renderer';
import { MultidayDisplay } from '../../calendar/feed-parameters';
import { PublishedConference, PublishedSession } from '../../published/published-programme';

export interface NoticeCalendar {
  name: string;
  description: string;
  /** The conference's feed, which keeps following the programme after this one file. */
  feedUrl: string;
  sessionUrl: (sessionId: number) => string;
}

/**
 * The changed sessions as the calendar feeds write them (same UID and SEQUENCE, so a calendar
 * that imported the feed or an earlier notice updates its entries), sent with METHOD:PUBLISH.
 * Cancelled and removed sessions come with STATUS:CANCELLED.
 */
export function noticeCalendar(calendar: NoticeCalendar, conference: PublishedConference, sessions: PublishedSession[]): string {
  return renderFeed(
    { name: calendar.name, description: calendar.description, url: calendar.feedUrl, timeZone: conference.timeZone },
    sessions.map((session) => calendarSession(session, conference)),
    { locale: conference.defaultLocale, multiday: MultidayDisplay.TIMED, sessionUrl: calendar.sessionUrl, method: 'PUBLISH' },
  );
}
