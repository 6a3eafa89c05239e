import { Inject, Injectable } from '@nestjs/common';
import { CalendarEvent, google, office365, outlook } from 'calendar-link';
import { APP_CONFIG, AppConfig } from '../config/configuration';
import { CalendarSession } from './calendar-session';
import { asQueryParameters, FeedOptions, feedQueryString, readFeedParameters } from './feed-parameters';
import { SessionTexts } from './session-texts';

/** A calendar feed's addresses: the same feed, for a browser, for subscribing and as a file to save. */
export interface FeedAddresses {
  https: string;
  webcal: string;
  download: string;
}

/** One session's "add to calendar" pages: each adds a copy of the entry once, unlike the feed. */
export interface AddToCalendarLinks {
  google: string;
  outlook: string;
  office365: string;
}

/** These links carry the text in their query string; long abstracts are cut to keep the links usable. */
const GOOGLE_ABSTRACT_MAX = 1000;

/** Where the feeds are, under PUBLIC_BASE_URL, and the "add to calendar" links of a session. */
@Injectable()
export class CalendarLinks {
  private readonly base: string;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    this.base = `${config.publicBaseUrl}/calendars`;
  }

  conference(slug: string, query = ''): string {
    return `${this.base}/conferences/${encodeURIComponent(slug)}.ics${query}`;
  }

  track(conferenceSlug: string, trackSlug: string, query = ''): string {
    return `${this.base}/conferences/${encodeURIComponent(conferenceSlug)}/tracks/${encodeURIComponent(trackSlug)}.ics${query}`;
  }

  room(conferenceSlug: string, roomSlug: string, query = ''): string {
    return `${this.base}/conferences/${encodeURIComponent(conferenceSlug)}/rooms/${encodeURIComponent(roomSlug)}.ics${query}`;
  }

  speaker(slug: string, query = ''): string {
    return `${this.base}/speakers/${encodeURIComponent(slug)}.ics${query}`;
  }

  session(id: number, query = ''): string {
    return `${this.base}/sessions/${id}.ics${query}`;
  }

  agenda(token: string, query = ''): string {
    return `${this.base}/agendas/${token}.ics${query}`;
  }

  /**
   * A feed's addresses with these options in its query string, checked the way the feed will check
   * them, so a link handed out is never one the feed refuses.
   */
  addresses(address: (query: string) => string, options: Partial<FeedOptions>, { withFilter = false } = {}): FeedAddresses {
    const checked = readFeedParameters(asQueryParameters(options), { withFilter });
    const https = address(feedQueryString(checked));
    return { https, webcal: https.replace(/^https?:/, 'webcal:'), download: `${https}${https.includes('?') ? '&' : '?'}download=1` };
  }

  /**
   * Google Calendar's, Outlook.com's and Office 365's pages to add one scheduled session, with the
   * texts its feed entry has; null while unscheduled.
   */
  addToCalendar(session: CalendarSession, locale: string | undefined): AddToCalendarLinks | null {
    if (!session.startsAt || !session.endsAt) return null;
    const texts = new SessionTexts(session, locale, this.session(session.id));
    const event: CalendarEvent = {
      title: texts.summary(),
      start: session.startsAt,
      end: session.endsAt,
      description: texts.description({ abstractMax: GOOGLE_ABSTRACT_MAX }),
      location: texts.location(),
    };
    const utc = {
      startdt: session.startsAt.toISOString().replace(/\.\d{3}Z$/, 'Z'),
      enddt: session.endsAt.toISOString().replace(/\.\d{3}Z$/, 'Z'),
    };
    return { google: google(event), outlook: withUtcTimes(outlook(event), utc), office365: withUtcTimes(office365(event), utc) };
  }

  /** Google Calendar's "add event" page for one scheduled session, times in UTC. */
  google(session: CalendarSession, locale: string | undefined): string | null {
    return this.addToCalendar(session, locale)?.google ?? null;
  }
}

/**
 * calendar-link writes Outlook's times as the server's wall-clock time with no offset, which
 * Outlook reads in the viewer's own zone: the entry would move by the difference. An explicit UTC
 * instant is the same moment for every viewer, whatever zone the server runs in.
 */
function withUtcTimes(link: string, times: Record<'startdt' | 'enddt', string>): string {
  let result = link;
  for (const [name, value] of Object.entries(times)) {
    const pattern = new RegExp(`([?&]${name}=)[^&]*`);
    if (!pattern.test(result)) throw new Error(`calendar-link's Outlook link has no ${name}`);
    result = result.replace(pattern, (_, prefix: string) => `${prefix}${encodeURIComponent(value)}`);
  }
  return result;
}
