import { randomUUID } from 'node:crypto';
import { IncomingMessage } from 'node:http';
import { FastifyInstance } from 'fastify';
import { Logger } from 'pino';

const REQUEST_ID_HEADER = 'x-request-id';
/** What a proxy's or client's id may look like to be kept: short, and nothing that could forge a log line. */
const SANE_REQUEST_ID = /^[A-Za-z0-9._:@/+=-]{1,128}$/;

/** The request's id: the caller's X-Request-Id when it is sane (so one id follows a request through proxies), else a new one. */
export function requestId(request: IncomingMessage): string {
  const given = request.headers[REQUEST_ID_HEADER];
  return typeof given === 'string' && SANE_REQUEST_ID.test(given) ? given : randomUUID();
}

/**
 * An agenda's address is its owner's secret, and tokens have no place in logs: such parts of the
 * address are replaced before it is written. A GraphQL query sent over GET keeps its shape, but
 * not its string values (`agenda(token: "…")`) nor its variables, where such secrets travel.
 */
export function redactUrl(url: string): string {
  const [path, query] = splitOnce(url, '?');
  const safePath = path.replace(/^(\/calendars\/agendas\/)[^/?]+?(\.ics)?$/, (_, prefix: string, ics = '') => `${prefix}[redacted]${ics}`);
  if (query === undefined) return safePath;
  const safeQuery = query
    .split('&')
    .map((pair) => redactParameter(pair))
    .join('&');
  return `${safePath}?${safeQuery}`;
}

const SECRET_PARAMETER = /^((?:access_)?token|key|secret|variables)=/i;

function redactParameter(pair: string): string {
  const match = SECRET_PARAMETER.exec(pair);
  if (match) return `${match[1]}=[redacted]`;
  if (!pair.startsWith('query=')) return pair;
  let document: string;
  try {
    document = decodeURIComponent(pair.slice('query='.length).replace(/\+/g, ' '));
  } catch {
    return 'query=[redacted]';
  }
  // Block strings first, then ordinary ones (with their escapes), as GraphQL reads them.
  const redacted = document.replace(/"""[\s\S]*?"""|"(?:[^"\\\n]|\\.)*"/g, '"[redacted]"');
  return redacted === document ? pair : `query=${encodeURIComponent(redacted)}`;
}

/**
 * One line per answered request, with its id, which the answer carries back in X-Request-Id so a
 * user's report can be matched with the line (as JSON, or as a short readable line when LOG_FORMAT=text).
 */
export function logRequests(fastify: FastifyInstance, log: Logger): void {
  fastify.addHook('onRequest', (request, reply, done) => {
    reply.header(REQUEST_ID_HEADER, request.id);
    done();
  });
  // The level is set once at start: below info, answered requests are not logged at all.
  if (!log.isLevelEnabled('info')) return;
  fastify.addHook('onResponse', (request, reply, done) => {
    const line = {
      reqId: request.id,
      method: request.method,
      url: redactUrl(request.url),
      status: reply.statusCode,
      responseTime: Math.round(reply.elapsedTime * 10) / 10,
      ip: request.ip,
    };
    log.info(line, 'request');
    done();
  });
}

function splitOnce(text: string, separator: string): [string, string | undefined] {
  const at = text.indexOf(separator);
  return at < 0 ? [text, undefined] : [text.slice(0, at), text.slice(at + 1)];
}
