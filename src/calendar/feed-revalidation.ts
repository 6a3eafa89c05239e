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
  /** Headers of the route's own that a 304 repeats beside the validators (a page's Vary, Content-Language and security headers). */
  headers?: Record<string, string>;
  /**
   * Everything the full answer carried that a 304 to the same address repeats, as it was sent:
   * the pipeline's security and CORS headers, the route's own, ETag and Cache-Control; names and
   * values in one list, as the HTTP layer writes them.
   */
  repeated: string[];
  /** The validator's Last-Modified as an HTTP date, sent once the clock has reached it. */
  lastModifiedText: string;
  /** The full answer's Origin: its CORS headers were decided for that origin. */
  origin: string | undefined;
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
/** The header each answer carries its request's id in (see src/http/request-log.ts). */
const REQUEST_ID_HEADER = 'x-request-id';

/**
 * What a full answer carried that belongs to that request or to its body alone, and so is never
 * repeated on another request's 304: the connection's, the body's description, a cookie, the
 * request id, and the dates, which each answer writes anew.
 */
const NOT_REPEATED = new Set([
  'connection',
  'keep-alive',
  'transfer-encoding',
  'content-length',
  'content-type',
  'content-disposition',
  'content-encoding',
  'set-cookie',
  REQUEST_ID_HEADER,
  'date',
  'last-modified',
]);

/**
 * Calendar apps ask again every few minutes with If-None-Match, and almost always nothing has
 * changed (conference apps polling a schedule export, and browsers and CDNs revalidating a
 * programme page, likewise). Such requests are answered 304 before Nest routes them: the answer
 * depends only on the address (with a page's Accept-Language), the state of what it shows and the
 * client's validator. Everything else (a first request, a change) goes the whole way through the
 * controller, which tells this class what it sent.
 *
 * Two hooks of the HTTP pipeline (src/http/pipeline.ts) answer them. `answerAtOnce` comes first
 * of all and does no more than a look-up: it repeats the headers the full answer carried, so the
 * request-id, security-header, CORS and viewer hooks need not run. It leaves to `revalidate`,
 * which runs after those hooks, whatever it cannot decide on its own: a request with a token
 * (which is checked first), an agenda (whose address is a secret), another Origin than the full
 * answer's (CORS headers are decided per origin), and several instances sharing Redis (whose
 * changes must be read first).
 */
@Injectable()
export class FeedRevalidation {
  /** By address as the client sent it; agenda addresses by their hash, so no token is kept. */
  private readonly sent = new Map<string, Validator>();

  constructor(private readonly cache: FeedCache) {}

  /**
   * Answers 304 at once when the client's copy of a public address is the current one and the
   * answer needs nothing but the look-up; true when it did. Synchronous, so a hook calling it
   * makes no promise on the hottest path.
   */
  answerAtOnce(request: FastifyRequest, reply: FastifyReply): boolean {
    if (request.headers.authorization !== undefined || !this.cache.hearsEveryChange || request.url.startsWith(AGENDAS)) return false;
    const sent = this.validatorFor(request);
    if (!sent || sent.origin !== request.headers.origin || !this.cache.isCurrent(sent.state) || !isFreshFor(request, sent)) return false;
    const now = currentSecond();
    const lastModified = sent.lastModified.getTime() <= now.time ? sent.lastModifiedText : now.text;
    // Written on the response itself: the headers are decided, there is no body, and nothing of
    // Fastify's sending (nor an onSend hook) has anything left to do. onResponse hooks still run.
    reply.hijack();
    reply.raw.writeHead(304, [...sent.repeated, REQUEST_ID_HEADER, request.id, 'date', now.text, 'last-modified', lastModified]);
    reply.raw.end();
    return true;
  }

  /** Answers 304 when the client's copy of a feed is the current one; leaves every other request alone. */
  async revalidate(request: FastifyRequest, reply: FastifyReply): Promise<FastifyReply | undefined> {
    const sent = this.validatorFor(request);
    // Another instance may have changed the programme since: catch up before trusting the validator.
    if (!sent || !(await this.cache.refresh(sent.state.scopes)) || !this.cache.isCurrent(sent.state) || !isFresh(request, sent))
      return undefined;
    if (sent.headers) reply.headers(sent.headers);
    return sendNotModified(reply, sent, sent.cacheControl);
  }

  /**
   * Remembers what a full answer sent, for the next conditional request to the same address: call
   * it once the pipeline's headers are on the reply (in the route), with the route's own headers
   * a 304 repeats in `headers`.
   */
  remember(request: FastifyRequest, reply: FastifyReply, feed: RenderedFeed, cacheControl: string, headers?: Record<string, string>): void {
    const address = addressOf(request);
    const repeated: Record<string, string> = {};
    for (const [name, value] of Object.entries(reply.getHeaders())) {
      if (value !== undefined && !NOT_REPEATED.has(name)) repeated[name] = String(value);
    }
    Object.assign(repeated, headers, { etag: feed.etag, 'cache-control': cacheControl });
    this.sent.delete(address);
    this.sent.set(address, {
      etag: feed.etag,
      lastModified: feed.lastModified,
      state: feed.state,
      cacheControl,
      headers,
      repeated: Object.entries(repeated).flat(),
      lastModifiedText: feed.lastModified.toUTCString(),
      origin: request.headers.origin,
    });
    if (this.sent.size > MAX_ADDRESSES) this.sent.delete(this.sent.keys().next().value!);
  }

  /** What was last sent to this address, if this is a conditional feed request the hooks may answer. */
  private validatorFor(request: FastifyRequest): Validator | undefined {
    if (request.method !== 'GET') return undefined;
    if (request.headers['if-none-match'] === undefined && request.headers['if-modified-since'] === undefined) return undefined;
    // No token check here: the pipeline has decided the viewer (and refused a wrong token) before
    // `revalidate`, `answerAtOnce` takes no request with a token, and a feed is the same for
    // everyone who may have it.
    return this.sent.get(addressOf(request));
  }
}

/** `isFresh`, with the usual case first: the client sends back the very ETag it was given. */
function isFreshFor(request: FastifyRequest, sent: Validator): boolean {
  return request.headers['if-none-match'] === sent.etag || isFresh(request, sent);
}

/**
 * The clock's current second and its HTTP date, written once a second rather than once an answer:
 * one reading for Date and Last-Modified, so Last-Modified is never later than Date (see feed-response.ts).
 */
let second = { time: 0, text: '' };
function currentSecond(): { time: number; text: string } {
  const time = Math.floor(Date.now() / 1000) * 1000;
  if (time !== second.time) second = { time, text: new Date(time).toUTCString() };
  return second;
}

function addressOf({ url, headers }: FastifyRequest): string {
  if (url.startsWith(AGENDAS)) return createHash('sha256').update(url).digest('base64url');
  return REVALIDATED.some((prefix) => url.startsWith(prefix)) ? url : `${url}\n${headers['accept-language'] ?? ''}`;
}
