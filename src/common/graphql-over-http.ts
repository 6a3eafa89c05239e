import { FastifyInstance } from 'fastify';

const GRAPHQL_RESPONSE = 'application/graphql-response+json';

/**
 * Closes the gaps between Mercurius and the GraphQL-over-HTTP specification: `null` is a valid
 * value for `variables`, `operationName` and `extensions`, and a client that asks for
 * `application/graphql-response+json` gets it.
 */
export function followGraphqlOverHttp(fastify: FastifyInstance, path: string): void {
  fastify.addHook('preValidation', async (request) => {
    if (request.routeOptions.url !== path || request.method !== 'POST') return;
    const body = request.body as Record<string, unknown> | null;
    if (body && typeof body === 'object' && !Array.isArray(body)) {
      for (const key of ['variables', 'operationName', 'extensions']) if (body[key] === null) delete body[key];
    }
  });
  fastify.addHook('onSend', async (request, reply, payload) => {
    if (request.routeOptions.url !== path) return payload;
    const accept = request.headers.accept ?? '';
    if (accept.includes(GRAPHQL_RESPONSE) && String(reply.getHeader('content-type') ?? '').startsWith('application/json')) {
      reply.header('content-type', `${GRAPHQL_RESPONSE}; charset=utf-8`);
    }
    return payload;
  });
}
