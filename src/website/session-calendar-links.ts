import { Injectable } from '@nestjs/common';
import { CalendarLinks } from '../calendar/calendar-links.service';
import { calendarSession } from '../calendar/calendar-session';
import { PublicSession } from './website-reader.service';
import { SessionLinks } from './website-views';

/** "Add to calendar" for a session on a website: its own feed (kept up to date) and Google's page, made as the feeds make their entries. */
@Injectable()
export class SessionCalendarLinks implements SessionLinks {
  constructor(private readonly links: CalendarLinks) {}

  calendar({ session, view }: PublicSession, locale: string) {
    const feed = this.links.addresses((query) => this.links.session(session.id, query), { locale });
    return { ...feed, google: this.links.google(calendarSession(session, view.programme.conference), locale) };
  }
}
