import { Injectable } from '@nestjs/common';
import { PUBLIC_VIEWER } from '../auth/viewer';
import { UserError } from '../common/errors';
import { localise } from '../common/localisation';
import { SessionFilter } from '../sessions/session.inputs';
import { Conference } from '../conferences/conference.entity';
import { ConferenceService } from '../conferences/conference.service';
import { SpeakerDirectory } from '../sessions/speaker-directory.service';
import { agendaScope, AgendaService } from './agenda.service';
import { calendarLabels } from './calendar-labels';
import { CalendarLedger, CompleteProgramme } from './calendar-ledger.service';
import { CalendarLinks } from './calendar-links.service';
import { FeedCache, RenderedFeed } from './feed-cache.service';
import { FeedOptions, feedQueryString } from './feed-parameters';
import { FeedReader } from './feed-reader.service';
import { FeedDescription, renderFeed } from './feed-renderer';
import { CalendarSession } from './calendar-session';
import { parseId } from '../common/entities';

/**
 * Every feed Lectern publishes: published content only, rendered once per programme change. A
 * feed's cache key is its kind, its path and its canonical query string, so two spellings of the
 * same subscription share one rendering.
 */
@Injectable()
export class CalendarFeeds {
  constructor(
    private readonly cache: FeedCache,
    private readonly reader: FeedReader,
    private readonly conferences: ConferenceService,
    private readonly speakers: SpeakerDirectory,
    private readonly agendas: AgendaService,
    private readonly links: CalendarLinks,
    private readonly ledger: CalendarLedger,
  ) {}

  conference(slug: string, options: FeedOptions): Promise<RenderedFeed> {
    const query = feedQueryString(options);
    return this.cache.get(`conference:${slug}${query}`, async () => {
      const conference = await this.conferences.bySlug(slug, PUBLIC_VIEWER);
      const sessions = await this.reader.ofConference(conference, options.filter, options.release);
      // The whole public programme, as the conference follows it, tells the ledger what left it.
      const complete = options.release === undefined && isEmptyFilter(options.filter) ? conference : undefined;
      return this.render(this.describe(conference, undefined, this.links.conference(slug, query), options), sessions, options, complete);
    });
  }

  track(slug: string, trackSlug: string, options: FeedOptions): Promise<RenderedFeed> {
    const query = feedQueryString(options);
    return this.cache.get(`track:${slug}/${trackSlug}${query}`, async () => {
      const conference = await this.conferences.bySlug(slug, PUBLIC_VIEWER);
      const track = await this.reader.track(conference, trackSlug);
      const sessions = await this.reader.ofConference(conference, { track: [track.slug] }, options.release);
      return this.render(this.describe(conference, track.name, this.links.track(slug, trackSlug, query), options), sessions, options);
    });
  }

  room(slug: string, roomSlug: string, options: FeedOptions): Promise<RenderedFeed> {
    const query = feedQueryString(options);
    return this.cache.get(`room:${slug}/${roomSlug}${query}`, async () => {
      const conference = await this.conferences.bySlug(slug, PUBLIC_VIEWER);
      const room = await this.reader.room(conference, roomSlug);
      const sessions = await this.reader.ofConference(conference, { room: [room.slug] }, options.release);
      return this.render(this.describe(conference, room.name, this.links.room(slug, roomSlug, query), options), sessions, options);
    });
  }

  /**
   * A speaker's feed; for another slug of a public person, where their feed is (the slug tables are
   * asked only then, so a warm feed costs no statement).
   */
  async speaker(slug: string, options: FeedOptions): Promise<RenderedFeed | { ownSlug: string }> {
    const query = feedQueryString(options);
    try {
      return await this.cache.get(`speaker:${slug}${query}`, async () => {
        const speaker = await this.speakers.bySlug(slug, PUBLIC_VIEWER);
        const sessions = await this.reader.ofSpeaker(speaker.id);
        const description = calendarLabels(options.locale, undefined).sessionsWith(speaker.name);
        return this.render({ name: speaker.name, description, url: this.links.speaker(slug, query) }, sessions, options);
      });
    } catch (error) {
      const ownSlug =
        error instanceof UserError && error.code === 'NOT_FOUND' ? await this.speakers.ownSlugFor(slug, PUBLIC_VIEWER) : undefined;
      if (ownSlug === undefined) throw error;
      return { ownSlug };
    }
  }

  session(id: string, options: FeedOptions): Promise<RenderedFeed> {
    const query = feedQueryString(options);
    return this.cache.get(`session:${id}${query}`, async () => {
      let removed: CalendarSession | undefined;
      const session = await this.reader.session(id).catch(async (error: unknown) => {
        // A session that was public and is gone answers with its cancelled event while it is kept.
        // parseId refuses what no session id can be (past the integer columns' range, say) as NOT_FOUND.
        if (error instanceof UserError && error.code === 'NOT_FOUND') removed = await this.ledger.removedSession(parseId(id, 'session'));
        if (!removed) throw error;
        return removed;
      });
      const name = localise(session.title, options.locale, session.conference.defaultLocale) ?? '';
      const feed = { name, description: session.conference.name, url: this.links.session(session.id, query) };
      // A removed session's event is the ledger's already: stamping it again would count its cancellation twice.
      return removed ? this.renderStamped(feed, [removed], options) : this.render(feed, [session], options);
    });
  }

  /**
   * Opens with the read token, or the edit token of an address handed out before read tokens; either
   * way the feed's own address is the read token's, and the cache, keyed by the agenda, holds no
   * token. It follows the agenda's own changes, which leave every other feed as it is.
   */
  async agenda(token: string, options: FeedOptions): Promise<RenderedFeed> {
    const query = feedQueryString(options);
    const { agenda, readToken } = await this.agendas.open(token);
    return this.cache.get(
      `agenda:${agenda.id}${query}`,
      async () => {
        const sessions = await this.reader.ofAgenda(agenda.id);
        const name = calendarLabels(options.locale, undefined).agenda;
        return this.render({ name, description: name, url: this.links.agenda(readToken, query) }, sessions, options);
      },
      agendaScope(agenda.id),
    );
  }

  private describe(conference: Conference, part: string | undefined, url: string, options: FeedOptions): FeedDescription {
    return {
      name: part ? `${conference.name} – ${part}` : conference.name,
      description: localise(conference.description, options.locale, conference.defaultLocale) ?? conference.name,
      url,
      timeZone: conference.timeZone,
    };
  }

  /**
   * Where every feed's sessions are known, whatever they were read from: the ledger gives each event
   * its SEQUENCE and LAST-MODIFIED, so they rise with every visible change and never go back.
   */
  private async render(
    feed: FeedDescription,
    sessions: CalendarSession[],
    options: FeedOptions,
    complete?: CompleteProgramme,
  ): Promise<string> {
    return this.renderStamped(feed, await this.ledger.stamp(sessions, complete), options);
  }

  private renderStamped(feed: FeedDescription, sessions: CalendarSession[], options: FeedOptions): string {
    return renderFeed(feed, sessions, { ...options, sessionUrl: (id) => this.links.session(id) });
  }
}

function isEmptyFilter(filter: SessionFilter): boolean {
  return Object.values(filter).every(
    (value) => value === undefined || value === null || value === '' || (Array.isArray(value) && value.length === 0),
  );
}
