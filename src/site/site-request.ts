import { FastifyReply, FastifyRequest } from 'fastify';
import { feedQueryString, QueryParameters, readFeedParameters } from '../calendar/feed-parameters';
import { RenderedFeed } from '../calendar/feed-cache.service';
import { sendFeed } from '../calendar/feed-response';
import { FeedRevalidation } from '../calendar/feed-revalidation';
import { addVary } from '../common/http-caching';
import { acceptedLocales } from '../common/localisation';
import { Validation } from '../common/validation';
import { helmetHeaders } from '../http/security';
import { SessionFilter } from '../sessions/session.inputs';
import { ProgrammeLayout } from './pages/programme-page';
import { assetAddress } from './site-assets';
import { PageContext, SiteAddresses } from './site-context';
import { INTERFACE_LANGUAGES, InterfaceLanguage, interfaceLanguage, translator } from './site-i18n';

export const HTML = 'text/html; charset=utf-8';
/** Pages follow every change; a minute's copy in a browser or CDN is fine, then it asks again (304 when unchanged). */
export const PUBLIC_PAGE = 'public, max-age=60';
/** One attendee's agenda: nobody else's copy, and none kept. */
export const PRIVATE_PAGE = 'private, no-store';

/**
 * The site's pages run only Lectern's own script and styles; images may come from wherever speakers
 * keep their photos. Forms post only here; nothing may frame the pages (the embeds are for that).
 */
const SITE_HEADERS = helmetHeaders({
  crossOriginResourcePolicy: { policy: 'same-origin' },
  // The Referer goes to Lectern's own pages only (a star sent without the script returns to the page it came from), never to other hosts.
  referrerPolicy: { policy: 'same-origin' },
  contentSecurityPolicy: {
    useDefaults: false,
    directives: {
      defaultSrc: ["'self'"],
      scriptSrc: ["'self'"],
      styleSrc: ["'self'"],
      imgSrc: ["'self'", 'https:', 'http:', 'data:'],
      connectSrc: ["'self'"],
      objectSrc: ["'none'"],
      baseUri: ["'self'"],
      formAction: ["'self'"],
      frameAncestors: ["'none'"],
    },
  },
});

/** The page's interface language and the way its links are written, from `?lang=`, Accept-Language and the conference's default. */
export function pageContext(
  request: FastifyRequest,
  query: QueryParameters,
  publicBaseUrl: string,
  conferenceDefault?: string,
): PageContext {
  const lang = one(query, 'lang');
  const { language, explicit } = interfaceLanguage(lang, request.headers['accept-language'], conferenceDefault);
  const url = new URL(request.url, 'http://site');
  const path = url.pathname;
  const withLanguage = (target: string, params: URLSearchParams, chosen: InterfaceLanguage | undefined) => {
    const copy = new URLSearchParams(params);
    copy.delete('lang');
    if (chosen) copy.set('lang', chosen);
    const search = copy.toString();
    return search ? `${target}?${search}` : target;
  };
  const addresses: SiteAddresses = {
    served: true,
    page: (target, params = new URLSearchParams()) => withLanguage(target, params, explicit ? language : undefined),
    asset: assetAddress,
    inLanguage: (chosen) => withLanguage(path, url.searchParams, chosen),
  };
  return {
    language,
    t: translator(language),
    wishes: {
      explicit: explicit ? language : undefined,
      accepted: [language, ...acceptedLocales(request.headers['accept-language'])],
      fallback: conferenceDefault,
    },
    addresses,
    publicBaseUrl,
    path,
    alternates: INTERFACE_LANGUAGES.map((chosen) => ({ language: chosen, href: withLanguage(path, url.searchParams, chosen) })),
  };
}

/** The cache key of a page: its language (and whether it was asked for), its path and its canonical query. */
export function pageKey(context: PageContext, query = ''): string {
  return `${context.language}${context.wishes.explicit ? '!' : ''}:${context.path}${query}`;
}

/** A programme page's query: the feeds' filter (same names and rules), `view=list|grid` and `lang`. */
export function readProgrammeQuery(
  query: QueryParameters,
  { withLayout = true } = {},
): { filter: SessionFilter; layout: ProgrammeLayout; canonical: string } {
  const { lang: _lang, ...withView } = query;
  // Where there is one layout, `view` is as unknown as any other parameter.
  const { view, ...others } = withView;
  const rest: QueryParameters = withLayout ? others : withView;
  const v = new Validation();
  for (const name of ['locale', 'multiday', 'release']) if (name in rest) v.fail(name, 'is not a parameter of this page');
  const layout = withLayout ? ([view ?? []].flat()[0] ?? 'list') : 'list';
  v.check(layout === 'list' || layout === 'grid', 'view', 'must be list or grid');
  v.throwIfFailed();
  // An empty select of the form ("any") means no filter on that field.
  const given: QueryParameters = {};
  for (const [name, value] of Object.entries(rest)) {
    const values = [value ?? []].flat().filter((one) => one.trim() !== '');
    if (values.length) given[name] = values;
  }
  const { filter } = readFeedParameters(given, { withFilter: true, withRelease: false });
  const canonical = feedQueryString({ filter }) + (layout === 'grid' ? `${feedQueryString({ filter }) ? '&' : '?'}view=grid` : '');
  return { filter, layout: layout as ProgrammeLayout, canonical };
}

/** Refuses any parameter but `lang` on pages that take no other. */
export function readPlainQuery(query: QueryParameters, allowed: string[] = []): void {
  const v = new Validation();
  for (const name of Object.keys(query)) if (name !== 'lang' && !allowed.includes(name)) v.fail(name, 'is not a parameter of this page');
  v.throwIfFailed();
}

export function one(query: QueryParameters, name: string): string | undefined {
  const values = [query[name] ?? []].flat();
  if (values.length > 1) new Validation().fail(name, 'give it once').throwIfFailed();
  return values[0];
}

/**
 * The site's headers on a page, and its language (a page whose language was not asked for varies
 * with Accept-Language). An embed keeps the headers every `/embed/` address has (other sites may frame it).
 */
export function pageHeaders(reply: FastifyReply, context: PageContext, { embed = false } = {}): FastifyReply {
  if (!embed) reply.headers(SITE_HEADERS);
  reply.header('content-language', context.language);
  if (!context.wishes.explicit) addVary(reply, 'Accept-Language');
  return reply;
}

/**
 * Sends a built page (304 when the client's copy is current). Given `revalidation`, the next
 * conditional request for it is answered before Nest routes it, as a feed's is: only for pages
 * that change with the programme alone (not the home page, which changes with the date, nor a
 * running conference's programme, whose "now and next" changes by the minute).
 */
export function sendPage(
  request: FastifyRequest,
  reply: FastifyReply,
  context: PageContext,
  page: RenderedFeed,
  { embed = false, revalidation }: { embed?: boolean; revalidation?: FeedRevalidation } = {},
): void {
  sendFeed(request, pageHeaders(reply, context, { embed }), page, PUBLIC_PAGE, HTML);
  const vary = reply.getHeader('vary');
  revalidation?.remember(request, reply, page, PUBLIC_PAGE, {
    ...(embed ? {} : SITE_HEADERS),
    'content-language': context.language,
    ...(vary === undefined ? {} : { vary: String(vary) }),
  });
}
