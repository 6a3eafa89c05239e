import { FastifyInstance } from 'fastify';
import { AuthService } from '../auth/auth.service';
import { Viewer } from '../auth/viewer';
import { readCookie } from '../common/cookies';
import { csrfTokenMatches, SPEAKER_COOKIE, SpeakerSessions } from '../speaker-portal/invitations/speaker-sessions.service';

declare module 'fastify' {
  interface FastifyRequest {
    /**
     * Who the request comes from, decided once by `admitViewers` early in the pipeline
     * (src/http/pipeline.ts). Whatever runs after it (the rate limit, the routes, the GraphQL
     * context) reads this, and never verifies the Authorization header again.
     */
    viewer: Viewer;
    /** The speaker session's secret the viewer was admitted by (their cookie), when it was. */
    speakerSession?: string;
  }
}

/**
 * Decides who each request comes from, once, before any work is done: a request without a token
 * is the public (nothing is looked up); a valid token is its organiser; a wrong, expired or
 * revoked one is turned away (401), and a client that keeps trying too (429 with Retry-After).
 */
export function admitViewers(fastify: FastifyInstance, auth: AuthService, speakers: SpeakerSessions): void {
  fastify.decorateRequest('viewer');
  fastify.decorateRequest('speakerSession');
  fastify.addHook('onRequest', async (request, reply) => {
    const admission = await auth.admit(request.headers.authorization, request.ip);
    if ('viewer' in admission) {
      request.viewer = admission.viewer;
      // A token speaks for itself; without one, a speaker's cookie may sign them in. A stale cookie
      // is simply the public: the programme site stays open to whoever holds one.
      const secret = request.headers.authorization ? undefined : readCookie(request, SPEAKER_COOKIE);
      const speaker = secret ? await speakers.viewerFor(secret) : null;
      if (speaker) {
        request.viewer = speaker;
        request.speakerSession = secret;
      }
      return;
    }
    if (admission.refused === 'TOO_MANY_ATTEMPTS') {
      reply.header('retry-after', String(admission.retryAfterSeconds));
      return reply.code(429).send(graphqlError('Too many failed token attempts: try again later.', 'TOO_MANY_REQUESTS'));
    }
    reply.header('www-authenticate', 'Bearer');
    return reply.code(401).send(graphqlError('The access token is wrong, expired or revoked.', 'UNAUTHENTICATED'));
  });
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * A request signed in by a speaker's cookie that could change something must carry the session's
 * CSRF token: header `x-csrf-token` (scripts, GraphQL), form field `_csrf`, or query parameter
 * `_csrf` (multipart forms, whose fields are read later). Refused with 403 otherwise, before any
 * route runs, so no route can forget it. Requests with a token or no cookie are not concerned.
 */
export function requireCsrfOfSpeakers(fastify: FastifyInstance): void {
  fastify.addHook('preHandler', async (request, reply) => {
    const secret = request.speakerSession;
    if (secret === undefined || SAFE_METHODS.has(request.method)) return;
    const body = request.body as Record<string, unknown> | undefined;
    const sent =
      request.headers['x-csrf-token'] ??
      (typeof body === 'object' && body !== null ? body._csrf : undefined) ??
      (request.query as Record<string, unknown> | undefined)?._csrf;
    if (csrfTokenMatches(secret, sent)) return;
    return reply
      .code(403)
      .send(
        graphqlError(
          'This request needs the CSRF token of your speaker session (the x-csrf-token header or the _csrf field).',
          'FORBIDDEN',
        ),
      );
  });
}

const graphqlError = (message: string, code: string) => ({ data: null, errors: [{ message, extensions: { code } }] });
