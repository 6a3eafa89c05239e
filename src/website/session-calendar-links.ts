import { Injectable } from '@nestjs/common';
import { CalendarLinks } from '../calendar/calendar-links.service';
import { CalendarSession } from '../calendar/calendar-session';
import { PublicSession } from './website-reader.service';
import { SessionLinks } from './website-views';

/** "Add to calendar" for a session on a website: its own feed (kept up to date) and Google's page. */
@Injectable()
export class SessionCalendarLinks implements SessionLinks {
  constructor(private readonly links: CalendarLinks) {}

  calendar(entry: PublicSession, locale: string) {
    const feed = this.links.addresses((query) => this.links.session(entry.session.id, query), { locale });
    return { ...feed, google: this.links.google(calendarSession(entry), locale) };
  }
}

function calendarSession({ session, conference, room, track, lineUp }: PublicSession): CalendarSession {
  return {
    ...session,
    room: room && { name: room.name, streamUrl: room.streamUrl },
    track: track && { name: track.name },
    conference,
    lineUp: lineUp.map(({ role, title, organisation, speaker }) => ({ role, title, organisation, speakerName: speaker?.name ?? '' })),
  };
}
