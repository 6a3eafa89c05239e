import { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { addVary, applyReadCaching, isPrivateRequest } from '../common/http-caching';

const GRAPHQL_RESPONSE = 'application/graphql-response+json';

/**
 * Closes the gaps between Mercurius and the GraphQL-over-HTTP specification: `null` is a valid
 * value for `variables`, `operationName` and `extensions`, a client that asks for
 * `application/graphql-response+json` gets it, and `operationName` picks the operation it names.
 * An `operationName` that is not a string and `variables` that are not an object are refused
 * (400) rather than coerced, a 405 for a mutation over GET says which method would do (`Allow`),
 * and the status of a refused document follows Accept (see `statusOfRefusedDocument`).
 * Queries over GET are answered with HTTP caching (see `cacheReads`).
 */
export function followGraphqlOverHttp(fastify: FastifyInstance, path: string): void {
  fastify.addHook('preValidation', async (request) => {
    if (request.routeOptions.url !== path) return;
    const params = (request.method === 'POST' ? request.body : request.query) as Record<string, unknown> | null;
    if (!params || typeof params !== 'object' || Array.isArray(params)) return;
    for (const key of ['variables', 'operationName', 'extensions']) if (params[key] === null) delete params[key];
    if (request.method === 'POST') refuseMistypedParameters(params);
    giveOperationItsOwnText(params);
  });
  // A callback rather than an async function: every answer passes here (a feed's 304 included),
  // and a promise would put off each answer's writing to a later microtask.
  fastify.addHook('onSend', (request, reply, payload, done) => {
    if (request.routeOptions.url !== path) return done(null, payload);
    if (answersGraphqlResponse(request) && String(reply.getHeader('content-type') ?? '').startsWith('application/json')) {
      reply.header('content-type', `${GRAPHQL_RESPONSE}; charset=utf-8`);
    }
    // GraphQL over HTTP, "Request › GET": a mutation over GET is answered 405; and a 405 MUST name
    // the methods that would do (RFC 9110 §15.5.6, which the specification's Response section
    // holds servers to): for this request, POST alone.
    if (reply.statusCode === 405) reply.header('allow', 'POST');
    done(null, cacheReads(request, reply, payload));
  });
}

/**
 * A browser that opens the GraphQL endpoint (a GET asking for HTML, not for a GraphQL answer) is
 * sent on to GraphiQL, with the address's parameters, so a link to `/graphql?query=…` opens that
 * query there. GraphQL-over-HTTP clients ask for JSON (`application/json` or
 * `application/graphql-response+json`) and are answered as before.
 */
export function sendBrowsersToGraphiql(fastify: FastifyInstance, path: string, graphiqlPath: string): void {
  // A callback, not an async function: every request passes here (see refuseNulInAddresses).
  fastify.addHook('onRequest', (request, reply, done) => {
    if (request.routeOptions.url !== path || (request.method !== 'GET' && request.method !== 'HEAD')) return done();
    const accept = request.headers.accept ?? '';
    if (!accept.includes('text/html') || accept.includes('application/json') || accept.includes(GRAPHQL_RESPONSE)) return done();
    const search = request.url.indexOf('?');
    addVary(reply, 'Accept');
    reply.redirect(search < 0 ? graphiqlPath : `${graphiqlPath}${request.url.slice(search)}`, 303);
  });
}

/** Whether the answer is `application/graphql-response+json`: the client named it in Accept. */
function answersGraphqlResponse(request: FastifyRequest): boolean {
  return (request.headers.accept ?? '').includes(GRAPHQL_RESPONSE);
}

/**
 * The status of an answer to a well-formed request that GraphQL refused before executing anything
 * (a document that does not parse or validate, or is over Lectern's limits; variables it cannot
 * coerce; an operation it cannot pick), given the status Lectern answers such a refusal with (400).
 * GraphQL over HTTP, "Response › Status Codes":
 *
 * - A client that asked for `application/json` (and not `application/graphql-response+json`) gets
 *   200 ("application/json": every well-formed request SHOULD be answered 200 in that media type,
 *   since the client cannot tell a 4xx of the server's from one of a proxy in between).
 * - One that asked for `application/graphql-response+json` gets the 4xx
 *   ("application/graphql-response+json": an answer without `data` MUST be 4xx or 5xx), and so
 *   does one that sent no Accept ("Response › Legacy watershed": since 2025 it is treated as if it
 *   asked for that type) or only `*\/*` (the server's choice).
 *
 * Requests that are not well-formed (broken JSON, parameters of the wrong type) stay 400 whatever
 * the client accepts, as do the refusals of the HTTP layer (401, 405, 413, 429).
 */
export function statusOfRefusedDocument(request: FastifyRequest | undefined, status: number): number {
  if (!request) return status;
  const accept = request.headers.accept ?? '';
  return accept.includes('application/json') && !answersGraphqlResponse(request) ? 200 : status;
}

/**
 * Fastify's schema would coerce a number or `false` into `operationName` ("0", "false") and into
 * `variables` (null): such a request is not well-formed (GraphQL over HTTP, "Request Parameters":
 * `operationName` is a string, `variables` a map), and is refused as the schema refuses other
 * parameters of the wrong type.
 */
function refuseMistypedParameters(params: Record<string, unknown>): void {
  const { operationName, variables } = params;
  if (operationName !== undefined && typeof operationName !== 'string') throw badRequest('body/operationName must be string,null');
  if (variables !== undefined && (typeof variables !== 'object' || Array.isArray(variables))) {
    throw badRequest('body/variables must be object,null');
  }
}

function badRequest(message: string): Error {
  return Object.assign(new Error(message), { statusCode: 400 });
}

/**
 * Queries over GET are what browsers and CDNs may cache: a successful public answer gets
 * `Cache-Control: public`, a strong ETag of its bytes, and 304 when the client already has them.
 * Answers with errors are not kept; answers to a request with a token are never kept anywhere.
 * Texts follow Accept-Language and the body's type follows Accept, so caches must key on both.
 */
function cacheReads(request: FastifyRequest, reply: FastifyReply, payload: unknown): unknown {
  if (isPrivateRequest(request)) {
    reply.header('cache-control', 'private, no-store');
    return payload;
  }
  if (request.method !== 'GET' && request.method !== 'HEAD') return payload;
  addVary(reply, 'Accept', 'Accept-Language');
  if (reply.statusCode !== 200 || typeof payload !== 'string' || payload.includes('"errors":')) {
    reply.header('cache-control', 'no-store');
    return payload;
  }
  if (!applyReadCaching(request, reply, payload)) return payload;
  reply.code(304).removeHeader('content-type');
  return null;
}

/**
 * Mercurius caches compiled (graphql-jit) queries by their text alone, so the operations of one
 * document would share the plan compiled for whichever ran first: asking for `B` would run `A`.
 * A comment naming the operation gives each its own text, and so its own plan.
 */
function giveOperationItsOwnText(params: Record<string, unknown>): void {
  const { query, operationName, extensions } = params;
  // A persisted query's text must stay the text its hash was taken of.
  const persisted =
    typeof extensions === 'string'
      ? extensions.includes('persistedQuery')
      : Boolean((extensions as { persistedQuery?: unknown } | undefined)?.persistedQuery);
  if (typeof query === 'string' && operationName !== undefined && !persisted) {
    // Any name, even one that names no operation (or a number the schema will coerce), so that
    // graphql-js, not a plan compiled for another operation, answers it. JSON keeps it one line.
    params.query = `${query}\n# operation ${JSON.stringify(String(operationName))}`;
  }
}
