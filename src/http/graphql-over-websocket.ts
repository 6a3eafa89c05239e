import websocket from '@fastify/websocket';
import { FastifyInstance } from 'fastify';
import { GraphQLError } from 'graphql';
import { IncomingMessage } from 'node:http';
import WebSocket from 'ws';
import { formatGraphqlErrors } from '../common/graphql-errors';
import { badInput, checkDocument, GraphqlRequest, QueryRules } from '../common/query-rules';

/** The messages that carry a document: `subscribe` (graphql-transport-ws) and `start` (the legacy graphql-ws). */
const OPERATION_MESSAGES = new Set(['subscribe', 'start']);

type Execution = Parameters<typeof formatGraphqlErrors>[0];
type FormatterContext = Parameters<typeof formatGraphqlErrors>[1];

/**
 * The WebSocket server that carries subscriptions, and the same rules for the documents it carries
 * as for HTTP's. Mercurius checks nothing of a subscription: it parses it without the token limit
 * (a document 100,000 levels deep broke the stack), never validates it, and runs none of the hooks
 * that hold the depth, cost and NUL rules. So every message is screened before Mercurius reads it:
 * one that carries a document is checked as HTTP checks one (src/common/query-rules.ts), and a
 * refused one is answered with the errors HTTP would give, as the protocol's `error` message for
 * that subscription, never reaching Mercurius; the connection stays open. Frames are at most
 * `maxPayload` bytes (MAX_BODY_BYTES, as HTTP bodies); a larger one closes the connection (1009).
 *
 * Registered here, before Mercurius, which then uses this server rather than making its own.
 */
export async function checkGraphqlOverWebSocket(
  fastify: FastifyInstance,
  options: { graphqlPath: string; maxPayload: number; rules: QueryRules },
): Promise<void> {
  await fastify.register(websocket, {
    options: { maxPayload: options.maxPayload },
    // A frame too large, or a client gone without saying goodbye: the client's doing, not a server error.
    errorHandler: (error, socket, request) => {
      request.log.info({ err: error }, `WebSocket connection ended: ${error.message}`);
      socket.terminate();
    },
  });
  // Emitted as the upgrade completes, before the route's handler (Mercurius's) and before any message is read.
  fastify.websocketServer.on('connection', (socket: WebSocket, request: IncomingMessage) => {
    if (new URL(request.url ?? '/', 'http://localhost').pathname !== options.graphqlPath) return;
    screenMessages(socket, async (data) => {
      const message = operationMessage(data);
      if (message === NULL_MESSAGE) return { type: 'error', id: null, payload: [{ message: 'A message must be a JSON object.' }] };
      if (!message) return undefined;
      try {
        const operation = await checkDocument(options.rules, fastify.graphql.schema, message.payload);
        if (operation.operation !== 'subscription')
          throw badInput('Only subscriptions run over WebSocket; send queries and mutations over HTTP.');
        return undefined;
      } catch (error) {
        return { type: 'error', id: message.id, payload: clientErrors(fastify, error as Error) };
      }
    });
  });
}

/**
 * Hands the socket's messages on to its other listeners (Mercurius's) one at a time and in order,
 * once `refusal` has looked at each: a message it answers with a refusal is answered so and not
 * handed on.
 */
function screenMessages(socket: WebSocket, refusal: (data: WebSocket.RawData) => Promise<object | undefined>): void {
  const deliver = socket.emit.bind(socket);
  let turn = Promise.resolve();
  socket.emit = ((event: string | symbol, ...args: unknown[]) => {
    if (event !== 'message') return deliver(event, ...args);
    turn = turn.then(async () => {
      try {
        const answer = await refusal(args[0] as WebSocket.RawData);
        if (socket.readyState !== WebSocket.OPEN) return;
        if (answer) socket.send(JSON.stringify(answer));
        else deliver(event, ...args);
      } catch {
        // Nothing of it may reach Mercurius unchecked: the connection ends (1011, internal error).
        socket.close(1011);
      }
    });
    return true;
  }) as typeof socket.emit;
}

/** `null` as a message: Mercurius would read its fields, fail, and close the connection with an error in the log. */
const NULL_MESSAGE = Symbol('null');

/**
 * The message, if it is one that carries a document; anything else (broken JSON included) is
 * Mercurius's to answer, but for `null`.
 */
function operationMessage(data: WebSocket.RawData): { id: unknown; payload: GraphqlRequest } | typeof NULL_MESSAGE | undefined {
  let message: unknown;
  try {
    message = JSON.parse(Buffer.isBuffer(data) ? data.toString('utf8') : String(data));
  } catch {
    return undefined;
  }
  if (message === null) return NULL_MESSAGE;
  if (typeof message !== 'object') return undefined;
  const { type, id, payload } = message as Record<string, unknown>;
  if (typeof type !== 'string' || !OPERATION_MESSAGES.has(type)) return undefined;
  return { id, payload: payload && typeof payload === 'object' ? (payload as GraphqlRequest) : { query: undefined } };
}

/** The errors as a client over HTTP would read them: through the one GraphQL error formatter. */
function clientErrors(fastify: FastifyInstance, error: Error): readonly unknown[] {
  const graphqlError = error instanceof GraphQLError ? error : new GraphQLError(error.message, { originalError: error });
  const execution = { data: null, errors: [graphqlError] } as unknown as Execution;
  return formatGraphqlErrors(execution, { app: fastify } as unknown as FormatterContext).response.errors ?? [];
}
