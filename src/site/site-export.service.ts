import { existsSync, mkdirSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { Inject, Injectable } from '@nestjs/common';
import { PUBLIC_VIEWER } from '../auth/viewer';
import { AgendaService } from '../calendar/agenda.service';
import { CalendarFeeds } from '../calendar/calendar-feeds.service';
import { CalendarLinks, FeedAddresses } from '../calendar/calendar-links.service';
import { BuiltFeed, FeedCache, RenderedFeed } from '../calendar/feed-cache.service';
import { FeedOptions, readFeedParameters } from '../calendar/feed-parameters';
import { UserError } from '../common/errors';
import { Conference } from '../conferences/conference.entity';
import { ConferenceService } from '../conferences/conference.service';
import { APP_CONFIG, AppConfig } from '../config/configuration';
import { EXPORT_FORMATS, ExchangeExports, ExportFile } from '../exchange/exchange-exports.service';
import { InterviewService } from '../interviews/interview.service';
import { PublishedProgrammes } from '../published/published-programmes.service';
import { SpeakerService } from '../speakers/speaker.service';
import { WebsiteReader } from '../website/website-reader.service';
import { siteAssets } from './site-assets';
import { WebsiteService } from '../website/website.service';
import { TextFormat } from '../common/rich-text';
import { PageContext, SiteAddresses } from './site-context';
import { INTERFACE_LANGUAGES, InterfaceLanguage, interfaceLanguage, translator } from './site-i18n';
import { SitePages } from './site-pages.service';
import { languageFolder, StaticCopy, staticAddresses } from './static-addresses';

export interface SiteExportRequest {
  /** The conference's slug (`--conference`). */
  conference: string;
  /** The folder to write into (`--out`): made when missing; refused when it holds anything, unless `force`. */
  out: string;
  force?: boolean;
  /** After each file written, with how many there are in all and the file's name. */
  progress?: (done: number, total: number, file: string) => void;
}

export interface SiteExportSummary {
  folder: string;
  files: number;
  bytes: number;
  /** The language of the top folder's pages; the others are in `en/`, `sv/`, `nb/`. */
  topLanguage: InterfaceLanguage;
}

/** One file of the copy, built when it is written. */
interface CopyFile {
  name: string;
  build: () => Promise<Buffer | string>;
}

/**
 * A static copy of one published conference's public site, to host anywhere without Lectern:
 * its pages (programme as list and grid, sessions, speakers, interviews) in every interface
 * language, linking each other by relative file names; the site's stylesheets and script; the
 * conference feed and each session's, and the schedule exports, as the server serves them.
 *
 * Pages are built by the site's own SitePages with a static SiteAddresses (see static-addresses)
 * and no cache (each page's links depend on where its file is), so they show what the served
 * pages show, without forms, stars, agenda or "now and next" (which would be frozen at the copy's time).
 */
@Injectable()
export class SiteExport {
  private readonly base: string;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly published: PublishedProgrammes,
    private readonly conferences: ConferenceService,
    private readonly speakers: SpeakerService,
    private readonly reader: WebsiteReader,
    private readonly agendas: AgendaService,
    private readonly interviews: InterviewService,
    private readonly feeds: CalendarFeeds,
    private readonly exports: ExchangeExports,
    private readonly website: WebsiteService,
  ) {
    this.base = config.publicBaseUrl;
  }

  async export(request: SiteExportRequest): Promise<SiteExportSummary> {
    const conference = await this.publishedConference(request.conference);
    const folder = prepareFolder(request.out, request.force ?? false);
    const copy = await this.contents(conference);
    const files = this.files(conference, copy);
    let bytes = 0;
    for (const [index, file] of files.entries()) {
      const body = await file.build();
      const path = join(folder, ...file.name.split('/'));
      mkdirSync(dirname(path), { recursive: true });
      writeFileSync(path, body);
      bytes += Buffer.byteLength(body);
      request.progress?.(index + 1, files.length, file.name);
    }
    return { folder, files: files.length, bytes, topLanguage: copy.topLanguage };
  }

  /** The conference as the public sees it: a draft or unknown one has no public pages to copy. */
  private async publishedConference(slug: string): Promise<Conference> {
    try {
      return await this.conferences.bySlug(slug, PUBLIC_VIEWER, 'conference');
    } catch (error) {
      if (error instanceof UserError && error.code === 'NOT_FOUND')
        throw new UserError(
          'NOT_FOUND',
          `--conference: no published conference "${slug}" (a draft has no public pages to copy)`,
          'conference',
        );
      throw error;
    }
  }

  /** What the copy holds: the conference's public sessions, its speakers and its public interviews. */
  private async contents(conference: Conference): Promise<StaticCopy> {
    const view = await this.published.ofConference(conference);
    const sessions = view.programme.sessions.map((session) => session.id);
    const [{ speakers }, placed, about] = await Promise.all([
      this.reader.conferenceSpeakers(conference.slug),
      this.interviews.visible(PUBLIC_VIEWER).andWhere('interview.conferenceId = :id', { id: conference.id }).getMany(),
      sessions.length ? this.interviews.aboutSessions(sessions, PUBLIC_VIEWER) : Promise.resolve([]),
    ]);
    return {
      conferenceSlug: conference.slug,
      sessions: new Set(sessions),
      speakers: new Set(speakers.map(({ speaker }) => speaker.slug)),
      interviews: new Set([...placed, ...about].map((interview) => interview.slug)),
      topLanguage: interfaceLanguage(undefined, undefined, conference.defaultLocale).language,
      publicBaseUrl: this.base,
    };
  }

  /** Every file of the copy, pages first, in the order they are written. */
  private files(conference: Conference, copy: StaticCopy): CopyFile[] {
    const slug = encodeURIComponent(conference.slug);
    const languages = [copy.topLanguage, ...INTERFACE_LANGUAGES.filter((language) => language !== copy.topLanguage)];
    const sessions = [...copy.sessions].sort((a, b) => a - b);
    const files: CopyFile[] = [];
    for (const language of languages) {
      const folder = languageFolder(copy, language);
      const page = (name: string, path: string, render: (pages: SitePages, context: PageContext) => Promise<RenderedFeed>) =>
        files.push({
          name: `${folder}${name}`,
          build: async () => {
            const context = this.pageContext(copy, `${folder}${name}`, path, language, conference.defaultLocale);
            return (await render(this.pagesFor(context.addresses), context)).body;
          },
        });
      page('index.html', `/${slug}`, (pages, context) => pages.programme(conference, {}, 'list', context, ''));
      page('grid.html', `/${slug}?view=grid`, (pages, context) => pages.programme(conference, {}, 'grid', context, ''));
      for (const id of sessions)
        page(`sessions/${id}.html`, `/${slug}/sessions/${id}`, (pages, context) => pages.session(conference, id, context, ''));
      page('speakers/index.html', `/${slug}/speakers`, (pages, context) => pages.speakersOf(conference, context, ''));
      for (const speaker of [...copy.speakers].sort())
        page(`speakers/${speaker}.html`, `/speakers/${encodeURIComponent(speaker)}`, (pages, context) =>
          speakerPage(pages, speaker, context),
        );
      for (const interview of [...copy.interviews].sort())
        page(`interviews/${interview}.html`, `/interviews/${encodeURIComponent(interview)}`, (pages, context) =>
          pages.interview(interview, context, ''),
        );
    }
    // For static site generators (Hugo's content/, Jekyll's _posts/), each in its own language.
    for (const interview of [...copy.interviews].sort())
      files.push({
        name: `interviews/${interview}.md`,
        build: async () => (await this.website.interviewMarkdown(interview, { wishes: {}, format: TextFormat.MARKDOWN })).markdown,
      });
    for (const name of siteAssets.names()) files.push({ name: `assets/${name}`, build: async () => siteAssets.get(name)!.file.body });
    const feed: FeedOptions = readFeedParameters({}, { withFilter: true });
    files.push({ name: 'calendar.ics', build: async () => (await this.feeds.conference(conference.slug, feed)).body });
    const sessionFeed: FeedOptions = readFeedParameters({}, { withFilter: false });
    for (const id of sessions)
      files.push({ name: `sessions/${id}.ics`, build: async () => (await this.feeds.session(String(id), sessionFeed)).body });
    for (const name of Object.keys(EXPORT_FORMATS) as ExportFile[])
      files.push({ name, build: async () => (await this.exports.export(conference.slug, name, {})).body });
    return files;
  }

  /** A page's language, and its links as the copy has them from the file it is written to. */
  private pageContext(copy: StaticCopy, file: string, path: string, language: InterfaceLanguage, fallback: string): PageContext {
    const withLanguage = (chosen: InterfaceLanguage) => {
      const url = new URL(path, 'http://copy');
      url.searchParams.set('lang', chosen);
      return `${url.pathname}${url.search}`;
    };
    return {
      language,
      t: translator(language),
      wishes: { explicit: language, accepted: [language], fallback },
      addresses: staticAddresses(copy, file, path, language),
      publicBaseUrl: this.base,
      path,
      alternates: INTERFACE_LANGUAGES.map((chosen) => ({ language: chosen, href: withLanguage(chosen) })),
    };
  }

  /**
   * The site's pages, built afresh (no cache: the same page has other links from another file) and
   * with feed links whose download is the copy's own file, where it has one. Subscribing needs the
   * feed's absolute address (webcal:, Google, Outlook), which stays the server's.
   */
  private pagesFor(addresses: SiteAddresses): SitePages {
    const links = new StaticCalendarLinks(this.config, addresses);
    return new SitePages(this.config, this.published, this.conferences, this.speakers, this.reader, links, this.agendas, UNCACHED);
  }
}

/** Refuses a file, or a folder that holds anything (unless forced); makes a missing one. */
function prepareFolder(out: string, force: boolean): string {
  const folder = resolve(out);
  if (existsSync(folder)) {
    if (!statSync(folder).isDirectory()) throw new UserError('BAD_USER_INPUT', `--out: ${folder} is a file, not a folder`, 'out');
    if (!force && readdirSync(folder).length > 0)
      throw new UserError('BAD_USER_INPUT', `--out: ${folder} is not empty; give --force to write over its files`, 'out');
  }
  mkdirSync(folder, { recursive: true });
  return folder;
}

async function speakerPage(pages: SitePages, slug: string, context: PageContext): Promise<RenderedFeed> {
  const found = await pages.speaker(slug, context, '');
  if ('page' in found) return found.page;
  const moved = await pages.speaker(found.redirect, context, '');
  if ('page' in moved) return moved.page;
  throw new Error(`speaker ${slug}: no page`);
}

/** Feed addresses as CalendarLinks writes them, but the download is the copy's file where it has one. */
class StaticCalendarLinks extends CalendarLinks {
  private readonly publicBase: string;

  constructor(
    config: AppConfig,
    private readonly pageAddresses: SiteAddresses,
  ) {
    super(config);
    this.publicBase = config.publicBaseUrl;
  }

  override addresses(...args: Parameters<CalendarLinks['addresses']>): FeedAddresses {
    const feed = super.addresses(...args);
    if (!feed.download.startsWith(`${this.publicBase}/`)) return feed;
    const served = new URL(feed.download.slice(this.publicBase.length), 'http://copy');
    return { ...feed, download: this.pageAddresses.page(served.pathname, served.searchParams) };
  }
}

/** Builds every time and keeps nothing. */
const UNCACHED = {
  async get(_key: string, build: () => Promise<BuiltFeed>): Promise<RenderedFeed> {
    const built = await build();
    return { body: Buffer.from(built.body), etag: '', lastModified: new Date(), state: { builtAt: 0, scopes: built.scopes } };
  },
} as unknown as FeedCache;
