import { FastifyInstance } from 'fastify';

const GRAPHQL_RESPONSE = 'application/graphql-response+json';

/**
 * Closes the gaps between Mercurius and the GraphQL-over-HTTP specification: `null` is a valid
 * value for `variables`, `operationName` and `extensions`, a client that asks for
 * `application/graphql-response+json` gets it, and `operationName` picks the operation it names.
 */
export function followGraphqlOverHttp(fastify: FastifyInstance, path: string): void {
  fastify.addHook('preValidation', async (request) => {
    if (request.routeOptions.url !== path) return;
    const params = (request.method === 'POST' ? request.body : request.query) as Record<string, unknown> | null;
    if (!params || typeof params !== 'object' || Array.isArray(params)) return;
    for (const key of ['variables', 'operationName', 'extensions']) if (params[key] === null) delete params[key];
    giveOperationItsOwnText(params);
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

/**
 * Mercurius caches compiled (graphql-jit) queries by their text alone, so the operations of one
 * document would share the plan compiled for whichever ran first: asking for `B` would run `A`.
 * A comment naming the operation gives each its own text, and so its own plan.
 */
function giveOperationItsOwnText(params: Record<string, unknown>): void {
  const { query, operationName } = params;
  if (typeof query === 'string' && operationName !== undefined) {
    // Any name, even one that names no operation (or a number the schema will coerce), so that
    // graphql-js, not a plan compiled for another operation, answers it. JSON keeps it one line.
    params.query = `${query}\n# operation ${JSON.stringify(String(operationName))}`;
  }
}
