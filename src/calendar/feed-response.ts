import { FastifyReply, FastifyRequest } from 'fastify';
import { RenderedFeed } from './feed-cache.service';

export const PUBLIC_FEED = 'public, max-age=300';
/** An agenda's address is its secret: no shared cache may keep a copy. */
export const PRIVATE_FEED = 'private, max-age=300';

/** Sends a feed (an iCal feed unless told another content type), or 304 when the client's copy (by ETag, else by date) is still the current one. */
export function sendFeed(
  request: FastifyRequest,
  reply: FastifyReply,
  feed: RenderedFeed,
  cacheControl: string,
  contentType = 'text/calendar; charset=utf-8',
): void {
  validators(reply, feed, cacheControl);
  if (isFresh(request, feed)) {
    reply.code(304).send();
    return;
  }
  reply.header('content-type', contentType).send(feed.body);
}

/** 304 Not Modified, with the validators and caching a full answer would carry. */
export function sendNotModified(
  reply: FastifyReply,
  feed: Pick<RenderedFeed, 'etag' | 'lastModified'>,
  cacheControl: string,
): FastifyReply {
  return validators(reply, feed, cacheControl).code(304).send();
}

/**
 * The validators, and the Date they are relative to: one reading of the clock for both, so that
 * Last-Modified is never later than Date (RFC 9110 §8.8.2.1), even after several changes within a
 * second (see `after` in feed-cache.service.ts) or while Node's own once-a-second Date lags behind.
 */
function validators(reply: FastifyReply, feed: Pick<RenderedFeed, 'etag' | 'lastModified'>, cacheControl: string): FastifyReply {
  const now = Math.floor(Date.now() / 1000) * 1000;
  const lastModified = new Date(Math.min(feed.lastModified.getTime(), now));
  return reply
    .header('date', new Date(now).toUTCString())
    .header('etag', feed.etag)
    .header('last-modified', lastModified.toUTCString())
    .header('cache-control', cacheControl);
}

/**
 * RFC 9110 §13.1: If-None-Match decides when present; If-Modified-Since only without it, compared
 * with the feed's own Last-Modified, which may be later than the one the last answers sent.
 */
export function isFresh(request: FastifyRequest, feed: Pick<RenderedFeed, 'etag' | 'lastModified'>): boolean {
  const ifNoneMatch = request.headers['if-none-match'];
  if (ifNoneMatch !== undefined) {
    return ifNoneMatch.trim() === '*' || ifNoneMatch.split(',').some((tag) => tag.trim().replace(/^W\//, '') === feed.etag);
  }
  const since = Date.parse(request.headers['if-modified-since'] ?? '');
  return !Number.isNaN(since) && feed.lastModified.getTime() <= since;
}
