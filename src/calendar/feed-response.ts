import { FastifyReply, FastifyRequest } from 'fastify';
import { RenderedFeed } from './feed-cache.service';

export const PUBLIC_FEED = 'public, max-age=300';
/** An agenda's address is its secret: no shared cache may keep a copy. */
export const PRIVATE_FEED = 'private, max-age=300';

/** Sends a feed, or 304 when the client's copy (by ETag, else by date) is still the current one. */
export function sendFeed(request: FastifyRequest, reply: FastifyReply, feed: RenderedFeed, cacheControl: string): void {
  validators(reply, feed, cacheControl);
  if (isFresh(request, feed)) {
    reply.code(304).send();
    return;
  }
  reply.header('content-type', 'text/calendar; charset=utf-8').send(feed.body);
}

/** 304 Not Modified, with the validators and caching a full answer would carry. */
export function sendNotModified(
  reply: FastifyReply,
  feed: Pick<RenderedFeed, 'etag' | 'lastModified'>,
  cacheControl: string,
): FastifyReply {
  return validators(reply, feed, cacheControl).code(304).send();
}

function validators(reply: FastifyReply, feed: Pick<RenderedFeed, 'etag' | 'lastModified'>, cacheControl: string): FastifyReply {
  return reply.header('etag', feed.etag).header('last-modified', feed.lastModified.toUTCString()).header('cache-control', cacheControl);
}

/** RFC 9110 §13.1: If-None-Match decides when present; If-Modified-Since only without it. */
export function isFresh(request: FastifyRequest, feed: Pick<RenderedFeed, 'etag' | 'lastModified'>): boolean {
  const ifNoneMatch = request.headers['if-none-match'];
  if (ifNoneMatch !== undefined) {
    return ifNoneMatch.trim() === '*' || ifNoneMatch.split(',').some((tag) => tag.trim().replace(/^W\//, '') === feed.etag);
  }
  const since = Date.parse(request.headers['if-modified-since'] ?? '');
  return !Number.isNaN(since) && feed.lastModified.getTime() <= since;
}
