import Fastify, { FastifyInstance } from 'fastify';
import { ResponseHeaders } from './response-headers';

/** A feed (or a page) as Lectern served it: its bytes, and the headers of its 200 and of its 304. */
export interface StaticFeed {
  path: string;
  body: Buffer;
  etag: string;
  headers: ResponseHeaders;
  notModifiedHeaders: ResponseHeaders;
  /** What the client sent besides If-None-Match (a page's Accept-Language): the load runs send the same. */
  requestHeaders?: Record<string, string>;
}

/**
 * The static limit: the feeds' (and the programme page's) exact bytes from memory, or 304 when the client's ETag matches.
 * Nothing is built, read, encoded or decided per request.
 */
export function staticLimit(feeds: StaticFeed[]): FastifyInstance {
  const fastify = Fastify();
  for (const feed of feeds) {
    fastify.get(feed.path, (request, reply) => {
      if (request.headers['if-none-match'] === feed.etag) return reply.headers(feed.notModifiedHeaders).code(304).send();
      return reply.headers(feed.headers).send(feed.body);
    });
  }
  return fastify;
}
