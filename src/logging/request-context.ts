import { AsyncLocalStorage } from 'node:async_hooks';
import { FastifyInstance } from 'fastify';

/** What every log line written while a request is handled carries: its id. */
export interface RequestContext {
  reqId: string;
}

export const requestContext = new AsyncLocalStorage<RequestContext>();

/**
 * Runs each request's hooks and handler inside its context, so a line that Nest, a service or
 * a resolver logs on the request's behalf carries its id. Entered again after the body is read:
 * a body's stream events come from the socket, outside the context the first hook entered.
 */
export function keepRequestContext(fastify: FastifyInstance): void {
  fastify.addHook('onRequest', (request, _reply, done) => requestContext.run({ reqId: String(request.id) }, done));
  fastify.addHook('preHandler', (request, _reply, done) => requestContext.run({ reqId: String(request.id) }, done));
}
