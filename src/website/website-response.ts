import { FastifyReply, FastifyRequest } from 'fastify';
import { addVary, applyReadCaching } from '../common/http-caching';
import { acceptedLocales, LocaleWishes } from '../common/localisation';
import { TextFormat } from '../common/rich-text';
import { canonicalLocale, Validation } from '../common/validation';

export interface WebsiteQuery {
  locale?: string | string[];
  format?: string | string[];
  style?: string | string[];
}

const FORMATS = Object.values(TextFormat) as string[];

/**
 * `?locale=` (BCP 47), where rich text is served as data `?format=markdown|html|text`, and where
 * `styles` are offered (the embeds) `?style=` naming one of them; other parameters are ignored.
 */
export function readWebsiteQuery(
  request: FastifyRequest,
  query: WebsiteQuery,
  { defaultFormat = TextFormat.HTML, styles = [] as readonly string[] } = {},
) {
  const v = new Validation();
  const one = (name: keyof WebsiteQuery) => {
    const value = query[name];
    if (Array.isArray(value)) v.fail(name, 'may be given once');
    return Array.isArray(value) ? undefined : value;
  };
  const locale = one('locale');
  const format = one('format');
  // Where no style is offered, `style` stays an unknown parameter, ignored like the others.
  const style = styles.length ? one('style') : undefined;
  v.locale(locale, 'locale');
  if (format !== undefined) v.check(FORMATS.includes(format.toUpperCase()), 'format', `must be one of ${FORMATS.join(', ').toLowerCase()}`);
  if (style !== undefined) v.check(styles.includes(style), 'style', `must be ${styles.join(' or ')}`);
  v.throwIfFailed();
  const wishes: LocaleWishes = {
    explicit: locale === undefined ? undefined : canonicalLocale(locale),
    accepted: acceptedLocales(request.headers['accept-language']),
  };
  return { wishes, format: format === undefined ? defaultFormat : (format.toUpperCase() as TextFormat), style };
}

/**
 * A public read: says which locale it is in, may be kept by browsers and CDNs (keyed on the
 * Accept-Language it followed), and is answered 304 when the client's copy is current.
 */
export function sendRead(request: FastifyRequest, reply: FastifyReply, body: string, contentType: string, locale: string): void {
  reply.header('content-language', locale);
  addVary(reply, 'Accept-Language');
  if (applyReadCaching(request, reply, body)) {
    reply.code(304).send();
    return;
  }
  reply.header('content-type', contentType).send(body);
}

/** The person's own address for a slug of theirs that is not it, with the same query string. */
export function redirectToOwnSlug(request: FastifyRequest, reply: FastifyReply, route: (slug: string) => string, ownSlug: string): void {
  const query = request.url.includes('?') ? request.url.slice(request.url.indexOf('?')) : '';
  addVary(reply, 'Accept-Language');
  applyReadCaching(request, reply, ownSlug);
  reply.redirect(`${route(encodeURIComponent(ownSlug))}${query}`, 301);
}
