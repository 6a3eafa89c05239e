import { Injectable } from '@nestjs/common';
import { CalendarLinks } from '../calendar/calendar-links.service';
import { calendarSession } from '../calendar/calendar-session';
import { PublicSession } from './website-reader.service';
import { SessionLinks } from './website-views';

/** "Add to calendar" for a session on a website: its own feed (kept up to date) and the calendars' pages, made as the feeds make their entries. */
@Injectable()
export class SessionCalendarLinks implements SessionLinks {
  constructor(private readonly links: CalendarLinks) {}

  calendar({ session, view }: PublicSession, locale: string) {
    const feed = this.links.addresses((query) => this.links.session(session.id, query), { locale });
    const add = this.links.addToCalendar(calendarSession(session, view.programme.conference), locale);
    return { ...feed, google: add?.google ?? null, outlook: add?.outlook ?? null, office365: add?.office365 ?? null };
  }
}
