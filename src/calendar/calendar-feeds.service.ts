import { Injectable } from '@nestjs/common';
import { PUBLIC_VIEWER } from '../auth/viewer';
import { parseId } from '../common/entities';
import { notFound, UserError } from '../common/errors';
import { localise } from '../common/localisation';
import { Conference } from '../conferences/conference.entity';
import { ConferenceService } from '../conferences/conference.service';
import { ProgrammeView, PublishedProgrammes } from '../published/published-programmes.service';
import { ChangeScope } from '../database/transactions';
import { readReleaseChoice } from '../releases/release-choice';
import { SpeakerDirectory } from '../sessions/speaker-directory.service';
import { agendaScope, AgendaService } from './agenda.service';
import { calendarLabels } from './calendar-labels';
import { CalendarLedger, FeedPart } from './calendar-ledger.service';
import { CalendarLinks } from './calendar-links.service';
import { CalendarSession, calendarSession, keptCalendarSession } from './calendar-session';
import { BuiltFeed, FeedCache, RenderedFeed } from './feed-cache.service';
import { FeedOptions, feedQueryString } from './feed-parameters';
import { EventRenderings } from './event-renderings';
import { assembleFeed, FeedDescription } from './feed-renderer';

/**
 * Every feed Lectern publishes: published content only, rendered once per programme change. A
 * feed's cache key is its kind, its path and its canonical query string, so two spellings of the
 * same subscription share one rendering.
 */
@Injectable()
export class CalendarFeeds {
  constructor(
    private readonly cache: FeedCache,
    private readonly published: PublishedProgrammes,
    private readonly conferences: ConferenceService,
    private readonly speakers: SpeakerDirectory,
    private readonly agendas: AgendaService,
    private readonly links: CalendarLinks,
    private readonly ledger: CalendarLedger,
    private readonly renderings: EventRenderings,
  ) {}

  conference(slug: string, options: FeedOptions): Promise<RenderedFeed> {
    const query = feedQueryString(options);
    return this.cache.get(`conference:${slug}${query}`, async () => {
      const conference = await this.conferences.bySlug(slug, PUBLIC_VIEWER);
      const view = await this.published.ofConference(conference, options.filter, readReleaseChoice(options.release));
      return this.render(this.describe(conference, undefined, this.links.conference(slug, query), options), [view], options);
    });
  }

  track(slug: string, trackSlug: string, options: FeedOptions): Promise<RenderedFeed> {
    const query = feedQueryString(options);
    return this.cache.get(`track:${slug}/${trackSlug}${query}`, async () => {
      const conference = await this.conferences.bySlug(slug, PUBLIC_VIEWER);
      const track = await this.published.track(conference, trackSlug);
      const view = await this.published.ofConference(conference, { track: [track.slug] }, readReleaseChoice(options.release));
      return this.render(this.describe(conference, track.name, this.links.track(slug, trackSlug, query), options), [view], options);
    });
  }

  room(slug: string, roomSlug: string, options: FeedOptions): Promise<RenderedFeed> {
    const query = feedQueryString(options);
    return this.cache.get(`room:${slug}/${roomSlug}${query}`, async () => {
      const conference = await this.conferences.bySlug(slug, PUBLIC_VIEWER);
      const room = await this.published.room(conference, roomSlug);
      const view = await this.published.ofConference(conference, { room: [room.slug] }, readReleaseChoice(options.release));
      return this.render(this.describe(conference, room.name, this.links.room(slug, roomSlug, query), options), [view], options);
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
        const { views, consulted } = await this.published.ofSpeaker(speaker.id);
        const description = calendarLabels(options.locale, undefined).sessionsWith(speaker.name);
        const scopes: ChangeScope[] = [`speaker:${speaker.id}`, ...consulted.map(conferenceScope)];
        return this.render({ name: speaker.name, description, url: this.links.speaker(slug, query) }, views, options, scopes);
      });
    } catch (error) {
      const ownSlug =
        error instanceof UserError && error.code === 'NOT_FOUND' ? await this.speakers.ownSlugFor(slug, PUBLIC_VIEWER) : undefined;
      if (ownSlug === undefined) throw error;
      return { ownSlug };
    }
  }

  /**
   * One session's feed, named after it whether it is scheduled or not. A session that was public
   * and is gone answers with its cancelled event while that is kept.
   */
  session(id: string, options: FeedOptions): Promise<RenderedFeed> {
    const query = feedQueryString(options);
    return this.cache.get(`session:${id}${query}`, async () => {
      // parseId refuses what no session id can be (past the integer columns' range, say) as NOT_FOUND.
      const sessionId = parseId(id, 'session');
      const view = await this.published.session(sessionId, () => this.ledger.conferenceOf(sessionId));
      const events = view ? await this.ledger.stamp([ledgerPart(view)]) : [];
      // Named after the session whether it is scheduled (one event) or not (none), or gone (its cancelled event).
      const named = events[0] ?? (view?.sessions[0] && calendarSession(view.sessions[0], view.programme.conference));
      if (!view || !named) throw notFound('session', 'id', id);
      const name = localise(named.title, options.locale, named.conference.defaultLocale) ?? '';
      const feed = { name, description: named.conference.name, url: this.links.session(named.id, query) };
      return { body: await this.assemble(feed, events, options), scopes: [conferenceScope(view.conference.id)] };
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
    return this.cache.get(`agenda:${agenda.id}${query}`, async () => {
      const { views, consulted } = await this.published.ofAgenda(agenda.id);
      const name = calendarLabels(options.locale, undefined).agenda;
      const scopes = [agendaScope(agenda.id), ...consulted.map(conferenceScope)];
      return this.render({ name, description: name, url: this.links.agenda(readToken, query) }, views, options, scopes);
    });
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
   * Where every feed's sessions are known, whatever version they were read from: the ledger gives
   * each event its SEQUENCE and LAST-MODIFIED, so they rise with every visible change and never go
   * back, and adds the removed events the feed keeps as cancelled.
   */
  private async render(
    feed: FeedDescription,
    views: ProgrammeView[],
    options: FeedOptions,
    scopes: ChangeScope[] = views.map((view) => conferenceScope(view.conference.id)),
  ): Promise<BuiltFeed> {
    const events = await this.ledger.stamp(views.map(ledgerPart));
    return { body: await this.assemble(feed, events, options), scopes };
  }

  /** The feed's document from its events, each rendered once for what it shows (see EventRenderings). */
  private async assemble(feed: FeedDescription, sessions: readonly CalendarSession[], options: FeedOptions): Promise<Buffer> {
    const renderOptions = { ...options, sessionUrl: (id: number) => this.links.session(id) };
    const { scheduled, events } = await this.renderings.render(sessions, renderOptions);
    return assembleFeed(feed, scheduled, events, renderOptions);
  }
}

/** A conference's part of a feed for the ledger: its scheduled sessions, and the whole version when it is the one followed. */
function ledgerPart(view: ProgrammeView): FeedPart {
  const { conference, programme } = view;
  return {
    conference: { id: conference.id, endDate: conference.endDate },
    shown: view.sessions
      .filter((session) => session.startsAt !== null)
      .map((session) => keptCalendarSession(session, programme.conference)),
    complete: view.asFollowed ? new Set(programme.sessions.map((session) => session.uid)) : undefined,
    keeps: view.chosen,
  };
}

function conferenceScope(conferenceId: number): ChangeScope {
  return `conference:${conferenceId}`;
}
