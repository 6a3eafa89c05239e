import { posix } from 'node:path';
import { SiteAddresses } from './site-context';
import { InterfaceLanguage } from './site-i18n';

/**
 * What a static copy of one conference holds, to tell which served addresses are files in it
 * (written relative to the page that links them) and which stay on the server (absolute, under
 * PUBLIC_BASE_URL): another conference, the home page, a speaker's other interviews, filters.
 */
export interface StaticCopy {
  conferenceSlug: string;
  sessions: ReadonlySet<number>;
  speakers: ReadonlySet<string>;
  interviews: ReadonlySet<string>;
  /** The language of the copy's top folder; every other one has a folder of its own (`en/…`). */
  topLanguage: InterfaceLanguage;
  publicBaseUrl: string;
}

/** The folder of a language's pages in the copy: the top one ('') or its own. */
export function languageFolder(copy: StaticCopy, language: InterfaceLanguage): string {
  return language === copy.topLanguage ? '' : `${language}/`;
}

/**
 * The file of the copy (relative to its top) that holds what a served address shows, in this
 * language; undefined when the copy has none. Pages are per language; feeds, exports and assets
 * are one set at the top.
 */
export function staticFile(copy: StaticCopy, path: string, query: URLSearchParams, language: InterfaceLanguage): string | undefined {
  const segments = path
    .split('/')
    .filter((segment) => segment !== '')
    .map(decoded);
  if (segments.some((segment) => segment === undefined)) return undefined;
  const [first, second, third, ...rest] = segments as string[];
  const pages = languageFolder(copy, language);
  const own = first === copy.conferenceSlug;
  const plain = [...query.keys()].every((name) => name === 'lang');
  // The programme: list or grid, unfiltered (a filtered list is the server's).
  if (own && second === undefined) {
    const names = [...query.keys()].filter((name) => name !== 'lang');
    const view = query.get('view') ?? 'list';
    if (names.every((name) => name === 'view') && query.getAll('view').length <= 1 && (view === 'list' || view === 'grid'))
      return `${pages}${view === 'grid' ? 'grid' : 'index'}.html`;
    return undefined;
  }
  if (!plain && first !== 'calendars') return undefined;
  if (own && second === 'sessions' && third !== undefined && rest.length === 0 && copy.sessions.has(Number(third)) && /^\d+$/.test(third))
    return `${pages}sessions/${third}.html`;
  if (own && second === 'speakers' && third === undefined) return `${pages}speakers/index.html`;
  if (first === 'speakers' && second !== undefined && third === undefined && copy.speakers.has(second))
    return `${pages}speakers/${second}.html`;
  if (first === 'interviews' && second !== undefined && third === undefined && copy.interviews.has(second))
    return `${pages}interviews/${second}.html`;
  // Feeds: the conference's and each session's, whatever their query (the copy has one of each).
  if (first === 'calendars' && rest.length === 0) {
    if (second === 'conferences' && third === `${copy.conferenceSlug}.ics`) return 'calendar.ics';
    const id = second === 'sessions' && third !== undefined ? /^(\d+)\.ics$/.exec(third)?.[1] : undefined;
    if (id !== undefined && copy.sessions.has(Number(id))) return `sessions/${id}.ics`;
  }
  return undefined;
}

/** A file of the copy as a link from another: `../sessions/12.html`, `speakers/erik.html`. */
export function relativeLink(from: string, to: string): string {
  const relative = posix.relative(posix.dirname(from), to);
  return relative.split('/').map(encodeURIComponent).join('/');
}

/**
 * The links of the page written to `file` (relative to the copy's top), served at `path`:
 * relative to it for what the copy has, the server's absolute address (in the page's language)
 * for the rest.
 */
export function staticAddresses(copy: StaticCopy, file: string, path: string, language: InterfaceLanguage): SiteAddresses {
  const here = new URL(path, 'http://copy');
  here.searchParams.delete('lang');
  const onServer = (target: string, query: URLSearchParams, chosen: InterfaceLanguage) => {
    const params = new URLSearchParams(query);
    const page = !target.startsWith('/calendars/') && !target.startsWith('/exports/');
    if (page) params.set('lang', chosen);
    const search = params.toString();
    return `${copy.publicBaseUrl}${target}${search ? `?${search}` : ''}`;
  };
  const link = (target: string, query: URLSearchParams, chosen: InterfaceLanguage) => {
    const found = staticFile(copy, target, query, chosen);
    return found === undefined ? onServer(target, query, chosen) : relativeLink(file, found);
  };
  return {
    served: false,
    page: (target, query = new URLSearchParams()) => link(target, query, language),
    asset: (name) => relativeLink(file, `assets/${name}`),
    inLanguage: (chosen) => link(here.pathname, here.searchParams, chosen),
  };
}

function decoded(segment: string): string | undefined {
  try {
    return decodeURIComponent(segment);
  } catch {
    return undefined;
  }
}
