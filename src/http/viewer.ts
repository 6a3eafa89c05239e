import { FastifyInstance, FastifyRequest } from 'fastify';
import { AuthService } from '../auth/auth.service';
import { csrfTokenMatches } from '../auth/cookie-sessions';
import { Viewer } from '../auth/viewer';
import { readCookie } from '../common/cookies';
import { ORGANISER_COOKIE, OrganiserSessions } from '../organisers/sessions/organiser-sessions.service';
import { SPEAKER_COOKIE, SpeakerSessions } from '../speaker-portal/invitations/speaker-sessions.service';

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
    /** The organiser's console session secret the viewer was admitted by (their cookie), when it was. */
    organiserSession?: string;
  }
}

/** The speaker's own page, where their session comes first when a browser holds both kinds. */
const SPEAKER_PAGE = /^\/me(?:[/?#]|$)/;

/**
 * Decides who each request comes from, once, before any work is done: a request without a token
 * or session cookie is the public (nothing is looked up); a valid token is its organiser; a
 * wrong, expired or revoked one is turned away (401), and a client that keeps trying too (429
 * with Retry-After).
 */
export function admitViewers(fastify: FastifyInstance, auth: AuthService, speakers: SpeakerSessions, organisers: OrganiserSessions): void {
  fastify.decorateRequest('viewer');
  fastify.decorateRequest('speakerSession');
  fastify.decorateRequest('organiserSession');
  fastify.addHook('onRequest', async (request, reply) => {
    const admission = await auth.admit(request.headers.authorization, request.ip);
    if ('viewer' in admission) {
      request.viewer = admission.viewer;
      // A token speaks for itself; without one, a session cookie may sign its holder in. A stale
      // cookie is simply the public: the programme site stays open to whoever holds one. A
      // browser signed in both ways is the speaker on their page and the organiser elsewhere
      // (the console's GraphQL requests).
      if (request.headers.authorization) return;
      const speakerFirst = SPEAKER_PAGE.test(request.url);
      if (speakerFirst && (await admitSpeaker(request, speakers))) return;
      if (await admitOrganiser(request, organisers)) return;
      if (!speakerFirst) await admitSpeaker(request, speakers);
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

async function admitSpeaker(request: FastifyRequest, speakers: SpeakerSessions): Promise<boolean> {
  const secret = readCookie(request, SPEAKER_COOKIE);
  const speaker = secret ? await speakers.viewerFor(secret) : null;
  if (!speaker) return false;
  request.viewer = speaker;
  request.speakerSession = secret;
  return true;
}

/** The organiser's rights exactly as their token would carry them: role and conference scope, as they are now. */
async function admitOrganiser(request: FastifyRequest, organisers: OrganiserSessions): Promise<boolean> {
  const secret = readCookie(request, ORGANISER_COOKIE);
  const organiser = secret ? await organisers.viewerFor(secret) : null;
  if (!organiser) return false;
  request.viewer = organiser;
  request.organiserSession = secret;
  return true;
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * A request signed in by a session cookie (a speaker's or an organiser's) that could change
 * something must carry the session's CSRF token: header `x-csrf-token` (scripts, GraphQL), form
 * field `_csrf`, or query parameter `_csrf` (multipart forms, whose fields are read later).
 * Refused with 403 otherwise, before any route runs, so no route can forget it. Requests with a
 * token or no cookie are not concerned.
 */
export function requireCsrfOfSessions(fastify: FastifyInstance): void {
  fastify.addHook('preHandler', async (request, reply) => {
    const secret = request.speakerSession ?? request.organiserSession;
    if (secret === undefined || SAFE_METHODS.has(request.method)) return;
    const body = request.body as Record<string, unknown> | undefined;
    const sent =
      request.headers['x-csrf-token'] ??
      (typeof body === 'object' && body !== null ? body._csrf : undefined) ??
      (request.query as Record<string, unknown> | undefined)?._csrf;
    if (csrfTokenMatches(secret, sent)) return;
    const message =
      request.speakerSession !== undefined
        ? 'This request needs the CSRF token of your speaker session (the x-csrf-token header or the _csrf field).'
        : 'This request needs the CSRF token of your console session (the x-csrf-token header; `organiserSession { csrfToken }` reads it).';
    return reply.code(403).send(graphqlError(message, 'FORBIDDEN'));
  });
}

const graphqlError = (message: string, code: string) => ({ data: null, errors: [{ message, extensions: { code } }] });
