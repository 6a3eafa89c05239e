import { FastifyInstance } from 'fastify';
import { AuthService } from '../auth/auth.service';
import { Viewer } from '../auth/viewer';

declare module 'fastify' {
  interface FastifyRequest {
    /**
     * Who the request comes from, decided once by `admitViewers` early in the pipeline
     * (src/http/pipeline.ts). Whatever runs after it (the rate limit, the routes, the GraphQL
     * context) reads this, and never verifies the Authorization header again.
     */
    viewer: Viewer;
  }
}

/**
 * Decides who each request comes from, once, before any work is done: a request without a token
 * is the public (nothing is looked up); a valid token is its organiser; a wrong, expired or
 * revoked one is turned away (401), and a client that keeps trying too (429 with Retry-After).
 */
export function admitViewers(fastify: FastifyInstance, auth: AuthService): void {
  fastify.decorateRequest('viewer');
  fastify.addHook('onRequest', async (request, reply) => {
    const admission = await auth.admit(request.headers.authorization, request.ip);
    if ('viewer' in admission) {
      request.viewer = admission.viewer;
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

const graphqlError = (message: string, code: string) => ({ data: null, errors: [{ message, extensions: { code } }] });
