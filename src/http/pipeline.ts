import { FastifyInstance } from 'fastify';
import { Logger } from 'pino';
import { AuthService } from '../auth/auth.service';
import { SharedRedis } from '../auth/shared-redis';
import { FeedRevalidation } from '../calendar/feed-revalidation';
import { AppConfig } from '../config/configuration';
import { queryRules } from '../common/query-rules';
import { followGraphqlOverHttp, sendBrowsersToGraphiql } from './graphql-over-http';
import { checkGraphqlOverWebSocket } from './graphql-over-websocket';
import { logRequests } from './request-log';
import { addSecurityHeaders, allowCrossOriginReads, limitPublicGraphqlRequests, refuseNulInAddresses } from './security';
import { OrganiserSessions } from '../organisers/sessions/organiser-sessions.service';
import { SpeakerSessions } from '../speaker-portal/invitations/speaker-sessions.service';
import { admitViewers, requireCsrfOfSessions } from './viewer';

export interface HttpPipelineParts {
  graphqlPath: string;
  auth: AuthService;
  speakerSessions: SpeakerSessions;
  organiserSessions: OrganiserSessions;
  feedRevalidation: FeedRevalidation;
  /** Where the public rate limit keeps its counts when instances share Redis (REDIS_URL). */
  redis: SharedRedis;
  /** Where answered requests are logged: Lectern's logger, as JSON or as text. */
  log: Logger;
}

/**
 * Every hook and plugin of the HTTP server, in the order Fastify runs them for a request. Hooks of
 * one kind run in the order they are added here; Nest's own (the adapter's, added when it is made,
 * and its middleware runner, added by init()) come before and after all of these.
 *
 * Call it once, after the Nest application is made (the steps need its services) and before
 * `app.init()`: init() adds the routes (Nest's, and Mercurius's in a context of their own, which
 * takes the hooks its parent has by then).
 */
export async function assembleHttpPipeline(fastify: FastifyInstance, config: AppConfig, parts: HttpPipelineParts): Promise<void> {
  // onRequest, before anything is read of the request:
  // 0. 304 for a public feed, export or page whose current copy the client has, answered from
  //    one look-up with the headers its full answer carried (those of 1 to 3 included): the
  //    hottest path, so first of the pipeline's hooks. Whatever it cannot decide alone is left to 6.
  fastify.addHook('onRequest', (request, reply, done) => {
    if (!parts.feedRevalidation.answerAtOnce(request, reply)) done();
  });
  // 1. Its id on the answer, so every answer below carries it (and, at info, one line once answered).
  logRequests(fastify, parts.log);
  // 2. Security headers, on every answer, refusals included.
  addSecurityHeaders(fastify);
  // 3. CORS: a preflight is answered here, before any token is checked (a browser sends none with it).
  await allowCrossOriginReads(fastify, config.corsOrganiserOrigins);
  // 4. %00 in the address: 400, before anything reads the address or counts a token attempt.
  refuseNulInAddresses(fastify);
  //    A browser opening /graphql (asking for HTML) goes on to GraphiQL, before anything else reads it.
  if (config.graphiql) sendBrowsersToGraphiql(fastify, parts.graphqlPath, '/graphiql');
  // 5. The viewer, once for the whole request: 401 or 429 for a wrong token. Without a token it
  //    looks nothing up, so the feed revalidation next stays as cheap as before it.
  //    A session cookie (a speaker's on their page, an organiser's from the console) signs its
  //    holder in when no token is sent; that looks its session up.
  admitViewers(fastify, parts.auth, parts.speakerSessions, parts.organiserSessions);
  // 6. 304 for a feed, export or page whose copy the client has, before Nest routes it, for what 0
  //    left: requests with a token (checked by 5), agendas, another Origin, and instances sharing Redis.
  fastify.addHook('onRequest', (request, reply) => parts.feedRevalidation.revalidate(request, reply));
  // 7. The public rate limit on GraphQL: organisers (by request.viewer, so after 5) are not counted;
  //    counted in Redis when instances share it.
  if (config.rateLimit) await limitPublicGraphqlRequests(fastify, config.rateLimitPerMinute, parts.graphqlPath, parts.redis);

  // preValidation and onSend on the GraphQL routes: the GraphQL-over-HTTP fixes and HTTP caching
  // of queries over GET (their answer; the caching of others' answers is their routes' own).
  followGraphqlOverHttp(fastify, parts.graphqlPath);
  // preHandler, once the body is read: a session cookie alone (a speaker's or an organiser's)
  // changes nothing without its CSRF token.
  requireCsrfOfSessions(fastify);

  // The WebSocket server for subscriptions, whose upgrade requests have passed the steps above:
  // frames of at most MAX_BODY_BYTES, and every document in them checked by HTTP's rules.
  await checkGraphqlOverWebSocket(fastify, { graphqlPath: parts.graphqlPath, maxPayload: config.maxBodyBytes, rules: queryRules(config) });
}
