import { Inject, Injectable } from '@nestjs/common';
import { DateTime } from 'luxon';
import { APP_CONFIG, AppConfig } from '../config/configuration';
import { CalendarSession } from './calendar-session';
import { asQueryParameters, FeedOptions, feedQueryString, readFeedParameters } from './feed-parameters';
import { SessionTexts } from './session-texts';

/** A calendar feed's two addresses: the same feed, for a browser or download and for subscribing. */
export interface FeedAddresses {
  https: string;
  webcal: string;
}

/** Google's link carries the text in its query string; long abstracts are cut to keep the link usable. */
const GOOGLE_ABSTRACT_MAX = 1000;

/** Where the feeds are, under PUBLIC_BASE_URL, and the "add to Google Calendar" link of a session. */
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
    return { https, webcal: https.replace(/^https?:/, 'webcal:') };
  }

  /** Google Calendar's "add event" page for one scheduled session, times in UTC. */
  google(session: CalendarSession, locale: string | undefined): string | null {
    if (!session.startsAt || !session.endsAt) return null;
    const texts = new SessionTexts(session, locale, this.session(session.id));
    const utc = (instant: Date) => DateTime.fromJSDate(instant, { zone: 'utc' }).toFormat("yyyyLLdd'T'HHmmss'Z'");
    const parameters = new URLSearchParams({
      action: 'TEMPLATE',
      text: texts.summary(),
      dates: `${utc(session.startsAt)}/${utc(session.endsAt)}`,
      details: texts.description({ abstractMax: GOOGLE_ABSTRACT_MAX }),
      location: texts.location(),
    });
    return `https://calendar.google.com/calendar/render?${parameters}`;
  }
}
