import { Injectable, OnModuleInit } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import { FastifyInstance } from 'fastify';
import { AuthService } from './auth.service';

/**
 * Turns away, before any work is done, a request whose bearer token is wrong, expired or revoked
 * (401), and a client that keeps trying (429 with Retry-After). A request without a token goes on
 * as the public.
 */
@Injectable()
export class AccessGate implements OnModuleInit {
  constructor(
    private readonly auth: AuthService,
    private readonly adapterHost: HttpAdapterHost,
  ) {}

  onModuleInit(): void {
    const fastify = this.adapterHost.httpAdapter?.getInstance<FastifyInstance>();
    if (!fastify) return; // the command line has no HTTP server
    fastify.addHook('preHandler', async (request, reply) => {
      const admission = await this.auth.admit(request.headers.authorization, request.ip);
      if ('viewer' in admission) return;
      if (admission.refused === 'TOO_MANY_ATTEMPTS') {
        reply.header('retry-after', String(admission.retryAfterSeconds));
        return reply.code(429).send(graphqlError('Too many failed token attempts: try again later.', 'TOO_MANY_REQUESTS'));
      }
      reply.header('www-authenticate', 'Bearer');
      return reply.code(401).send(graphqlError('The access token is wrong, expired or revoked.', 'UNAUTHENTICATED'));
    });
  }
}

const graphqlError = (message: string, code: string) => ({ data: null, errors: [{ message, extensions: { code } }] });
