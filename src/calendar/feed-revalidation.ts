import { createHash } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { FastifyReply, FastifyRequest } from 'fastify';
import { BuiltState, FeedCache, RenderedFeed } from './feed-cache.service';
import { isFresh, sendNotModified } from './feed-response';

interface Validator {
  etag: string;
  lastModified: Date;
  state: BuiltState;
  cacheControl: string;
  /** Headers a 304 repeats beside the validators (a page's Vary and Content-Language). */
  headers?: Record<string, string>;
}

/** Enough for every feed address subscribers use; the oldest go first beyond it. */
const MAX_ADDRESSES = 20_000;
/**
 * The addresses whose answers are built once per change and remembered here: the iCal feeds and
 * the schedule exports, by address alone; and whatever else an output remembers (the programme
 * site's pages), by address and Accept-Language, which a page without `?lang=` follows.
 */
const REVALIDATED = ['/calendars/', '/exports/'];
const AGENDAS = '/calendars/agendas/';

/**
 * Calendar apps ask again every few minutes with If-None-Match, and almost always nothing has
 * changed (conference apps polling a schedule export likewise). Those requests are answered 304 by `revalidate`, an `onRequest` hook of the HTTP
 * pipeline (src/http/pipeline.ts), before Nest routes them: the answer depends only on the
 * address, the state of what the feed shows and the client's validator. Everything else (a first request,
 * a change) goes the whole way through the controller, which tells this class what it sent.
 */
@Injectable()
export class FeedRevalidation {
  /** By address as the client sent it; agenda addresses by their hash, so no token is kept. */
  private readonly sent = new Map<string, Validator>();

  constructor(private readonly cache: FeedCache) {}

  /** Answers 304 when the client's copy of a feed is the current one; leaves every other request alone. */
  async revalidate(request: FastifyRequest, reply: FastifyReply): Promise<FastifyReply | undefined> {
    const sent = this.validatorFor(request);
    // Another instance may have changed the programme since: catch up before trusting the validator.
    if (!sent || !(await this.cache.refresh(sent.state.scopes)) || !this.cache.isCurrent(sent.state) || !isFresh(request, sent))
      return undefined;
    if (sent.headers) reply.headers(sent.headers);
    return sendNotModified(reply, sent, sent.cacheControl);
  }

  /** Remembers what a full answer sent, for the next conditional request to the same address. */
  remember(request: FastifyRequest, feed: RenderedFeed, cacheControl: string, headers?: Record<string, string>): void {
    const address = addressOf(request);
    this.sent.delete(address);
    this.sent.set(address, { etag: feed.etag, lastModified: feed.lastModified, state: feed.state, cacheControl, headers });
    if (this.sent.size > MAX_ADDRESSES) this.sent.delete(this.sent.keys().next().value!);
  }

  /** What was last sent to this address, if this is a conditional feed request the hook may answer. */
  private validatorFor(request: FastifyRequest): Validator | undefined {
    if (request.method !== 'GET') return undefined;
    if (request.headers['if-none-match'] === undefined && request.headers['if-modified-since'] === undefined) return undefined;
    // No token check here: the pipeline has decided the viewer (and refused a wrong token) before
    // this hook, and a feed is the same for everyone who may have it.
    return this.sent.get(addressOf(request));
  }
}

function addressOf({ url, headers }: FastifyRequest): string {
  if (url.startsWith(AGENDAS)) return createHash('sha256').update(url).digest('base64url');
  return REVALIDATED.some((prefix) => url.startsWith(prefix)) ? url : `${url}\n${headers['accept-language'] ?? ''}`;
}
