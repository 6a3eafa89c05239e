import { setImmediate as nextTurn } from 'node:timers/promises';
import { Inject, Injectable } from '@nestjs/common';
import { DateTime } from 'luxon';
import { ComponentChildren } from 'preact';
import { PUBLIC_VIEWER } from '../auth/viewer';
import { AgendaService } from '../calendar/agenda.service';
import { CalendarLinks } from '../calendar/calendar-links.service';
import { calendarSession } from '../calendar/calendar-session';
import { FeedCache, RenderedFeed } from '../calendar/feed-cache.service';
import { notFound } from '../common/errors';
import { Conference } from '../conferences/conference.entity';
import { ConferenceService } from '../conferences/conference.service';
import { APP_CONFIG, AppConfig } from '../config/configuration';
import { ChangeScope, PROGRAMME } from '../database/transactions';
import { PublishedSession } from '../published/published-programme';
import { ProgrammeView, PublishedProgrammes } from '../published/published-programmes.service';
import { SessionFilter } from '../sessions/session.inputs';
import { SpeakerService } from '../speakers/speaker.service';
import { WebsiteReader } from '../website/website-reader.service';
import { AgendaPage } from './pages/agenda-page';
import { DevelopersPage } from './pages/developers-page';
import { renderEmbedSchedule } from './pages/embed-schedule';
import { HomePage } from './pages/home-page';
import { PageHead, PageSection, renderPage } from './pages/layout';
import { localDay } from './pages/local-days';
import { FeedLinks } from './pages/parts';
import { InterviewPage, SpeakerPage, SpeakersPage } from './pages/people-pages';
import { FilterChoices, ProgrammeLayout, ProgrammePage, ProgrammePageData } from './pages/programme-page';
import { sessionEvent, SessionPage, SessionPageData } from './pages/session-page';
import { ProgrammePieceRenderings } from './programme-piece-renderings';
import { PageContext, textOf } from './site-context';

/** A built page, or where the address asked for leads. */
export type SitePage = { page: RenderedFeed } | { redirect: string };

/** How many sessions "next" lists at most. */
const NEXT_MAX = 6;

/**
 * The public site's pages, each built from the published programme once per change of what it
 * shows (the same cache and scopes as the feeds) and kept in memory; the agenda page, which is
 * one attendee's, is built for each request and never kept.
 */
@Injectable()
export class SitePages {
  private readonly base: string;
  private readonly graphiql: boolean;
  /**
   * The programme pages' pieces, kept with the pages that use them: a static copy's SitePages
   * (see site-export), built afresh, keeps its own, as its links differ from the served site's.
   */
  private readonly pieces = new ProgrammePieceRenderings();

  constructor(
    @Inject(APP_CONFIG) config: AppConfig,
    private readonly published: PublishedProgrammes,
    private readonly conferences: ConferenceService,
    private readonly speakers: SpeakerService,
    private readonly reader: WebsiteReader,
    private readonly links: CalendarLinks,
    private readonly agendas: AgendaService,
    private readonly cache: FeedCache,
  ) {
    this.base = config.publicBaseUrl;
    this.graphiql = config.graphiql;
  }

  /** The conference a page belongs to, as the public sees it (404 for a draft or unknown one). */
  conference(slug: string): Promise<Conference> {
    return this.conferences.bySlug(slug, PUBLIC_VIEWER, 'conference');
  }

  /** Whether the conference's programme page shows "now and next" at this moment. */
  changesByTheMinute(conference: Conference): boolean {
    return isRunning(conference, DateTime.utc());
  }

  home(context: PageContext, key: string): Promise<RenderedFeed> {
    // Upcoming and past change with the date, not only with the programme.
    const today = DateTime.utc().toISODate()!;
    return this.cache.get(`site:${key}@${today}`, async () => {
      const all = await this.conferences
        .visible(PUBLIC_VIEWER)
        .orderBy('conference.startDate', 'ASC')
        .addOrderBy('conference.id', 'ASC')
        .getMany();
      const views = await this.published.ofConferences(all.map((conference) => conference.id));
      const entries = views.map(({ conference, programme }) => ({
        conference,
        languages: [...new Set(programme.sessions.map((session) => session.language))].sort(),
      }));
      const upcoming = entries.filter(({ conference }) => conference.endDate >= today);
      const past = entries.filter(({ conference }) => conference.endDate < today).reverse();
      const head = { title: context.t('home.title'), description: context.t('home.description') };
      return { body: renderPage(context, head, null, <HomePage context={context} upcoming={upcoming} past={past} />), scopes: [PROGRAMME] };
    });
  }

  /** What the API offers, with the first published conference's addresses as examples. */
  developers(context: PageContext, key: string): Promise<RenderedFeed> {
    return this.cache.get(`site:${key}`, async () => {
      const example = await this.conferences.visible(PUBLIC_VIEWER).orderBy('conference.id', 'ASC').getOne();
      const head = { title: context.t('developers.title'), description: context.t('developers.description') };
      const page = <DevelopersPage context={context} data={{ example, graphiql: this.graphiql }} />;
      return { body: renderPage(context, head, null, page), scopes: [PROGRAMME] };
    });
  }

  programme(
    conference: Conference,
    filter: SessionFilter,
    layout: ProgrammeLayout,
    context: PageContext,
    key: string,
  ): Promise<RenderedFeed> {
    const now = DateTime.utc();
    // A static copy (see site-export) would show "now" as it was when it was made: only served pages say it.
    const running = context.addresses.served && isRunning(conference, now);
    // While the conference runs, "now and next" changes by the minute.
    const minute = running ? `@${now.toFormat("yyyyLLdd'T'HHmm")}` : '';
    return this.cache.get(`site:${key}${minute}`, async () => {
      const view = await this.published.ofConference(conference, filter);
      // Worked out before the pieces, which yield: the page's assembly, in a turn of its own, is the shorter for it.
      const choices = choicesOf(view, conference);
      const pieces = await this.pieces.render(layout, view.sessions, conference, context);
      const data: ProgrammePageData = {
        conference,
        sessions: view.sessions,
        total: view.programme.sessions.length,
        filter,
        layout,
        choices,
        feed: this.programmeFeed(conference, filter, context),
        nowAndNext: running ? nowAndNext(view.programme.sessions, now.toISO()!) : null,
        pieces,
      };
      const head = {
        title: context.t('programme.pageTitle', { conference: conference.name }),
        description: context.t('programme.description', { conference: conference.name, count: data.total }),
      };
      const page = this.built(context, head, conference, <ProgrammePage context={context} data={data} />, [scopeOf(conference)]);
      // The cache encodes and hashes the page in a turn after the one that assembled it.
      await nextTurn();
      return page;
    });
  }

  /** The schedule for another site's iframe: the same filter and languages, none of the site's forms or script. */
  embedSchedule(conference: Conference, filter: SessionFilter, context: PageContext, key: string): Promise<RenderedFeed> {
    return this.cache.get(`embed:${key}`, async () => {
      const view = await this.published.ofConference(conference, filter);
      const feed = this.feedLinks((query) => this.links.conference(conference.slug, query), context, filter);
      const embedded = { ...context, addresses: { ...context.addresses, served: false } };
      return { body: renderEmbedSchedule(embedded, { conference, sessions: view.sessions, feed }), scopes: [scopeOf(conference)] };
    });
  }

  session(conference: Conference, id: number, context: PageContext, key: string): Promise<RenderedFeed> {
    return this.cache.get(`site:${key}`, async () => {
      const view = await this.published.ofConference(conference);
      const session = view.programme.sessions.find((candidate) => candidate.id === id);
      if (!session) throw notFound('session', 'session', id);
      const ids = session.lineUp.map((appearance) => appearance.speakerId);
      const [speakers, interviews] = await Promise.all([
        ids.length ? this.speakers.byIds(ids) : Promise.resolve([]),
        this.reader.interviewsAbout(session.id),
      ]);
      const data: SessionPageData = {
        conference,
        session,
        speakers,
        interviews: interviews.map(({ slug, title }) => ({ slug, title })),
        feed: this.feedLinks((query) => this.links.session(session.id, query), context),
        event: this.links.addToCalendar(calendarSession(session, view.programme.conference), context.language),
      };
      const title = textOf(context, session.title).text ?? conference.name;
      const head: PageHead = {
        title: `${title} – ${conference.name}`,
        description: (textOf(context, session.abstract).text ?? title).slice(0, 300),
        type: 'article',
        image: speakers.find((speaker) => speaker.photoUrl)?.photoUrl ?? null,
        jsonLd: [sessionEvent(context, data)],
      };
      const scopes: ChangeScope[] = [scopeOf(conference), ...ids.map(speakerScope)];
      return this.built(context, head, conference, <SessionPage context={context} data={data} />, scopes);
    });
  }

  speakersOf(conference: Conference, context: PageContext, key: string): Promise<RenderedFeed> {
    return this.cache.get(`site:${key}`, async () => {
      const { speakers } = await this.reader.conferenceSpeakers(conference.slug);
      const head = {
        title: context.t('speakers.title', { conference: conference.name }),
        description: context.t('speakers.description', { conference: conference.name, count: speakers.length }),
      };
      const scopes: ChangeScope[] = [scopeOf(conference), ...speakers.map(({ speaker }) => speakerScope(speaker.id))];
      return this.built(context, head, conference, <SpeakersPage context={context} conference={conference} speakers={speakers} />, scopes);
    });
  }

  async speaker(slug: string, context: PageContext, key: string): Promise<SitePage> {
    const found = await this.reader.speaker(slug);
    if ('ownSlug' in found) return { redirect: found.ownSlug };
    const entry = found.speaker;
    const page = await this.cache.get(`site:${key}`, async () => {
      const bio = textOf(context, entry.speaker.bio).text;
      const head: PageHead = {
        title: entry.speaker.name,
        description: (bio ?? entry.speaker.name).slice(0, 300),
        type: 'profile',
        image: entry.speaker.photoUrl,
      };
      const feed = this.feedLinks((query) => this.links.speaker(entry.speaker.slug, query), context);
      const scopes: ChangeScope[] = [
        speakerScope(entry.speaker.id),
        ...entry.appearances.map(({ session }) => scopeOf(session.view.conference)),
        ...(entry.interviews.length ? [PROGRAMME as ChangeScope] : []),
      ];
      return this.built(context, head, null, <SpeakerPage context={context} entry={entry} feed={feed} />, scopes);
    });
    return { page };
  }

  interview(slug: string, context: PageContext, key: string): Promise<RenderedFeed> {
    return this.cache.get(`site:${key}`, async () => {
      const entry = await this.reader.interview(slug);
      const title = textOf(context, entry.interview.title).text ?? slug;
      const head: PageHead = { title, description: (textOf(context, entry.interview.lead).text ?? title).slice(0, 300), type: 'article' };
      const section = entry.conference ? { slug: entry.conference.slug, name: entry.conference.name } : null;
      return { body: renderPage(context, head, section, <InterviewPage context={context} entry={entry} />), scopes: [PROGRAMME] };
    });
  }

  /** One attendee's agenda page: opened with the edit token their browser keeps, or a read token from a shared link. */
  async agenda(conference: Conference, token: string | undefined, context: PageContext): Promise<string> {
    const opened = token ? await this.agendas.open(token).catch(() => undefined) : undefined;
    let sessions: PublishedSession[] = [];
    if (opened) {
      const { views } = await this.published.ofAgenda(opened.agenda.id);
      sessions = views.find((view) => view.conference.id === conference.id)?.sessions ?? [];
    }
    const agenda = opened && {
      feed: this.feedLinks((query) => this.links.agenda(opened.readToken, query), context),
      elsewhere: `${this.base}/${encodeURIComponent(conference.slug)}/agenda?read=${encodeURIComponent(opened.readToken)}`,
      readOnly: opened.token === null,
    };
    const head = { title: context.t('agenda.title', { conference: conference.name }), description: context.t('agenda.description') };
    return renderPage(
      context,
      head,
      section(conference),
      <AgendaPage context={context} data={{ conference, sessions, agenda: agenda ?? null }} />,
    );
  }

  /** The ids of the agenda's sessions (for the stars), or none without an agenda. */
  async starred(token: string | undefined): Promise<number[]> {
    const opened = token ? await this.agendas.open(token).catch(() => undefined) : undefined;
    if (!opened || opened.token === null) return [];
    return (await this.agendas.sessionsOf(opened.agenda)).map((session) => session.id);
  }

  /** Stars or unstars a session; the first star makes the agenda, whose new edit token is returned to keep. */
  async star(token: string | undefined, sessionId: string, add: boolean): Promise<{ token: string; starred: number[] }> {
    const opened = token ? await this.agendas.open(token).catch(() => undefined) : undefined;
    const editToken = opened?.token ?? (await this.agendas.create()).token!;
    const changed = add ? await this.agendas.add(editToken, sessionId) : await this.agendas.remove(editToken, sessionId);
    return { token: editToken, starred: (await this.agendas.sessionsOf(changed.agenda)).map((session) => session.id) };
  }

  private built(context: PageContext, head: PageHead, conference: Conference | null, content: ComponentChildren, scopes: ChangeScope[]) {
    return { body: renderPage(context, head, conference && section(conference), content), scopes: [...new Set(scopes)] };
  }

  /**
   * The feed of what a programme page shows: a track's or a room's own feed when that is the whole
   * filter (the address a calendar app lists it by), else the programme's feed with the same filter.
   */
  private programmeFeed(conference: Conference, filter: SessionFilter, context: PageContext): FeedLinks {
    const only = Object.keys(filter);
    if (only.length === 1 && filter.track?.length === 1)
      return this.feedLinks((query) => this.links.track(conference.slug, filter.track![0], query), context);
    if (only.length === 1 && filter.room?.length === 1)
      return this.feedLinks((query) => this.links.room(conference.slug, filter.room![0], query), context);
    return this.feedLinks((query) => this.links.conference(conference.slug, query), context, filter);
  }

  /** A feed's addresses, in the reader's language. */
  private feedLinks(address: (query: string) => string, context: PageContext, filter?: SessionFilter): FeedLinks {
    const feed = this.links.addresses(address, { locale: context.language, filter: filter ?? {} }, { withFilter: filter !== undefined });
    return { ...feed, download: feed.download };
  }
}

function section(conference: Conference): PageSection {
  return { slug: conference.slug, name: conference.name };
}

function scopeOf(conference: Pick<Conference, 'id'>): ChangeScope {
  return `conference:${conference.id}`;
}

function speakerScope(id: number): ChangeScope {
  return `speaker:${id}`;
}

function isRunning(conference: Conference, now: DateTime): boolean {
  const today = now.setZone(conference.timeZone).toISODate()!;
  return conference.startDate <= today && today <= conference.endDate;
}

/** What runs at this instant, and what starts next (everything that starts at the next start time or soon after). */
function nowAndNext(sessions: PublishedSession[], now: string): { now: PublishedSession[]; next: PublishedSession[] } {
  const live = sessions.filter((s) => s.status !== 'CANCELLED' && s.startsAt && s.endsAt);
  return {
    now: live.filter((s) => s.startsAt! <= now && now < s.endsAt!),
    next: live.filter((s) => s.startsAt! > now).slice(0, NEXT_MAX),
  };
}

/** The order of localeCompare (the same collation), with one collator for a page's thousand names rather than one per comparison. */
const NAME_ORDER = new Intl.Collator();

/** Every value the whole programme shown has, so a filter never offers what would find nothing. */
function choicesOf(view: ProgrammeView, conference: Conference): FilterChoices {
  const sessions = view.programme.sessions;
  const unique = <T,>(values: T[], key: (value: T) => string) => [...new Map(values.map((value) => [key(value), value])).values()];
  const byName = (a: { name: string }, b: { name: string }) => NAME_ORDER.compare(a.name, b.name);
  const days = new Set<string>();
  for (let day = DateTime.fromISO(conference.startDate); day.toISODate()! <= conference.endDate; day = day.plus({ days: 1 }))
    days.add(day.toISODate()!);
  for (const session of sessions) if (session.startsAt) days.add(localDay(session.startsAt, conference.timeZone));
  return {
    days: [...days].sort(),
    tracks: unique(
      sessions.flatMap((s) => (s.track ? [s.track] : [])),
      (t) => t.slug,
    ).sort(byName),
    rooms: unique(
      sessions.flatMap((s) => (s.room ? [s.room] : [])),
      (r) => r.slug,
    ).sort(byName),
    speakers: unique(
      sessions.flatMap((s) => s.lineUp.map((a) => ({ slug: a.speakerSlug, name: a.speakerName }))),
      (p) => p.slug,
    ).sort(byName),
    formats: [...new Set(sessions.map((s) => s.format))].sort(),
    languages: [...new Set(sessions.map((s) => s.language))].sort(),
  };
}
