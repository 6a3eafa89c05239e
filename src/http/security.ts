import cors, { FastifyCorsOptions } from '@fastify/cors';
import rateLimit from '@fastify/rate-limit';
import { IntrinsicException } from '@nestjs/common';
import { FastifyInstance } from 'fastify';
import helmet, { HelmetOptions } from 'helmet';
import { IncomingMessage, ServerResponse } from 'node:http';
import mercurius from 'mercurius';
import { SharedRedis } from '../auth/shared-redis';

/*
 * Security headers, CORS, the NUL character and the public rate limit: each one a step of the
 * pipeline (src/http/pipeline.ts), which decides their order.
 */

/** Where Lectern serves GraphiQL: its page and its files (src/graphiql/). */
const GRAPHIQL_PATH = '/graphiql';

/** JSON and calendars are never pages: nothing may run in them, load from them or frame them. */
const API_CSP = { useDefaults: false, directives: { defaultSrc: ["'none'"], frameAncestors: ["'none'"] } };

/**
 * GraphiQL's page: its scripts and style sheets are Lectern's own files, nothing inline and no
 * other host (no eval either: GraphiQL 3's UMD build needs none); fonts and images are data: URLs
 * in GraphiQL's style sheet; requests and subscriptions go to Lectern's own /graphql ('self' covers
 * ws: and wss: to the same host). No upgrade-insecure-requests: over plain http (a local
 * `npm run demo`) it would break the page.
 */
const GRAPHIQL_CSP = {
  useDefaults: false,
  directives: {
    defaultSrc: ["'self'"],
    scriptSrc: ["'self'"],
    styleSrc: ["'self'"],
    connectSrc: ["'self'"],
    fontSrc: ["'self'", 'data:'],
    imgSrc: ["'self'", 'data:'],
    objectSrc: ["'none'"],
    baseUri: ["'self'"],
    formAction: ["'self'"],
    frameAncestors: ["'self'"],
  },
};

/**
 * A fragment meant for other sites' pages: they may frame it and it shows photos from wherever
 * speakers keep them, but it runs nothing and loads no scripts. Its only style is Lectern's own
 * stylesheet (`?style=default`), from Lectern's origin; no inline style.
 */
const EMBED_CSP = {
  useDefaults: false,
  directives: { defaultSrc: ["'none'"], imgSrc: ['https:', 'http:', 'data:'], styleSrc: ["'self'"], frameAncestors: ['*'] },
};
const EMBED_PATH = '/embed/';

/**
 * The JSON API's OpenAPI viewer (Swagger UI, src/developers/): like GraphiQL's page, only
 * Lectern's own scripts and style sheets, nothing inline; images are data: URLs in Swagger UI's
 * style sheet; it reads /api/openapi.json and tries requests on Lectern's own origin only (its
 * validator badge, which would call validator.swagger.io, is off).
 */
const API_DOCS_CSP = {
  useDefaults: false,
  directives: {
    defaultSrc: ["'self'"],
    scriptSrc: ["'self'"],
    styleSrc: ["'self'"],
    connectSrc: ["'self'"],
    imgSrc: ["'self'", 'data:'],
    fontSrc: ["'self'"],
    objectSrc: ["'none'"],
    baseUri: ["'self'"],
    formAction: ["'self'"],
    frameAncestors: ["'none'"],
  },
};
const API_DOCS_PATH = '/api/docs';

/**
 * The organiser console (console/): Vite's build, all files of Lectern's own, nothing inline; it
 * talks only to Lectern's /graphql (and its WebSocket); speakers' photos may be kept on another
 * host (PHOTO_STORE=s3). Never framed: it is where organisers change things.
 */
const CONSOLE_CSP = {
  useDefaults: false,
  directives: {
    defaultSrc: ["'self'"],
    scriptSrc: ["'self'"],
    styleSrc: ["'self'"],
    connectSrc: ["'self'"],
    imgSrc: ["'self'", 'data:', 'https:'],
    fontSrc: ["'self'"],
    objectSrc: ["'none'"],
    baseUri: ["'self'"],
    formAction: ["'self'"],
    frameAncestors: ["'none'"],
  },
};
const CONSOLE_PATH = '/console';

/**
 * helmet's headers, worked out once per kind of address rather than on every request: they
 * depend only on the address, and building helmet's middleware per request (as @fastify/helmet
 * does) cost a tenth of a cached feed's 304.
 */
export function addSecurityHeaders(fastify: FastifyInstance): void {
  // Public reads are meant to be used from other sites (see CORS below).
  const crossOriginResourcePolicy = { policy: 'cross-origin' } as const;
  const api = helmetHeaders({ crossOriginResourcePolicy, contentSecurityPolicy: API_CSP });
  const graphiql = helmetHeaders({ crossOriginResourcePolicy, contentSecurityPolicy: GRAPHIQL_CSP });
  const embed = helmetHeaders({ crossOriginResourcePolicy, contentSecurityPolicy: EMBED_CSP, xFrameOptions: false });
  const apiDocs = helmetHeaders({ crossOriginResourcePolicy, contentSecurityPolicy: API_DOCS_CSP });
  const consoleHeaders = helmetHeaders({ crossOriginResourcePolicy: { policy: 'same-origin' }, contentSecurityPolicy: CONSOLE_CSP });
  fastify.addHook('onRequest', (request, reply, done) => {
    const url = request.url;
    const headers = url.startsWith(GRAPHIQL_PATH)
      ? graphiql
      : url.startsWith(EMBED_PATH)
        ? embed
        : isApiDocs(url)
          ? apiDocs
          : isUnder(url, CONSOLE_PATH)
            ? consoleHeaders
            : api;
    reply.headers(headers);
    done();
  });
}

/** The viewer's page (`/api/docs`, with or without a query) and its files (`/api/docs/<name>`). */
function isApiDocs(url: string): boolean {
  return isUnder(url, API_DOCS_PATH);
}

/** `/console`, with or without a query, and every address below it. */
function isUnder(url: string, path: string): boolean {
  return url.startsWith(path) && (url.length === path.length || '/?'.includes(url[path.length]));
}

/** The headers helmet's middleware sets for these options (it sets them the same for every request). */
export function helmetHeaders(options: HelmetOptions): Record<string, string> {
  const headers: Record<string, string> = {};
  const response = {
    setHeader: (name: string, value: string | number | readonly string[]) => (headers[name.toLowerCase()] = String(value)),
    removeHeader: () => undefined,
  };
  helmet(options)({} as IncomingMessage, response as unknown as ServerResponse, () => undefined);
  return headers;
}

/** Rate-limit headers a browser client may read, so it can back off. */
const EXPOSED_HEADERS = ['Retry-After', 'X-RateLimit-Limit', 'X-RateLimit-Remaining', 'X-RateLimit-Reset'];

const PUBLIC_CORS: FastifyCorsOptions = {
  origin: '*',
  methods: ['GET', 'HEAD', 'POST'],
  allowedHeaders: ['Content-Type', 'Accept'],
  exposedHeaders: EXPOSED_HEADERS,
  maxAge: 600,
};

/**
 * The rule: any origin may read (queries over GET or POST answer `Access-Control-Allow-Origin: *`),
 * but only the origins in CORS_ORGANISER_ORIGINS may send `Authorization`. A browser always asks
 * first (a preflight) before it sends that header, and the preflight from any other origin is
 * answered without `Authorization` among the allowed headers, so the browser never sends the
 * request. Listed origins get their own origin back, hence `Vary: Origin` while any is listed.
 */
export async function allowCrossOriginReads(fastify: FastifyInstance, organiserOrigins: string[]): Promise<void> {
  await fastify.register(cors, corsOptions(organiserOrigins));
}

function corsOptions(organiserOrigins: string[]): FastifyCorsOptions {
  if (organiserOrigins.length === 0) return PUBLIC_CORS;
  const organiser: FastifyCorsOptions = { ...PUBLIC_CORS, origin: true, allowedHeaders: ['Content-Type', 'Accept', 'Authorization'] };
  return {
    delegator: (request, callback) => callback(null, organiserOrigins.includes(request.headers.origin ?? '') ? organiser : PUBLIC_CORS),
  };
}

/**
 * No address has a use for U+0000, and PostgreSQL refuses it in a parameter with an error the
 * client would only see as a 500 (a slug of `%00` in a feed's path did just that): refuse `%00`
 * anywhere in the URL before any route reads it. GraphQL requests get the same rule for their
 * strings in query-limits.ts.
 */
export function refuseNulInAddresses(fastify: FastifyInstance): void {
  // A callback, not an async function: every request passes here, and a promise would put the
  // rest of its hooks off to a later microtask.
  fastify.addHook('onRequest', (request, _reply, done) => {
    if (request.url.includes('%00')) return done(new AddressRefused('The address may not contain %00 (the NUL character).'));
    done();
  });
}

/**
 * A 400 both error handlers answer as the client's mistake: Mercurius's (on the GraphQL routes)
 * by its status and extensions, Nest's (on all others) by its status, and, since it is intrinsic,
 * without logging it as a server error.
 */
class AddressRefused extends IntrinsicException {
  readonly statusCode = 400;
  readonly extensions = { code: 'BAD_USER_INPUT' };
}

/**
 * Public GraphQL requests count against RATE_LIMIT_PER_MINUTE per client address (answered 429
 * with Retry-After beyond it); other routes and organisers' requests (by `request.viewer`, which
 * must be decided before this hook runs) do not count. The limit is one hook on every route, added
 * here in the pipeline's order rather than by the plugin to each route as it is added.
 *
 * With Redis the counts are kept there, in Lectern's namespace, so a client has one allowance
 * whichever instance it reaches; while Redis does not answer, requests are not limited (as feeds
 * are then built afresh, the instances carry on without it).
 */
export async function limitPublicGraphqlRequests(
  fastify: FastifyInstance,
  perMinute: number,
  graphqlPath: string,
  shared?: SharedRedis,
): Promise<void> {
  await fastify.register(rateLimit, {
    global: false,
    max: perMinute,
    timeWindow: 60_000,
    ...(shared?.client ? { redis: shared.client, nameSpace: shared.key('rate-limit:'), skipOnError: true } : {}),
    allowList: (request) => request.routeOptions.url !== graphqlPath || request.viewer.organiser,
    errorResponseBuilder: (_request, { max, after, statusCode }) =>
      new mercurius.ErrorWithProps(
        `Too many requests: at most ${max} a minute from one client. Retry in ${after}.`,
        { code: 'TOO_MANY_REQUESTS' },
        statusCode,
      ),
  });
  fastify.addHook('onRequest', fastify.rateLimit());
}
