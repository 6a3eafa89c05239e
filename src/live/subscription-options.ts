import { FastifyRequest } from 'fastify';
import { MercuriusOptions } from 'mercurius';
import { AuthService } from '../auth/auth.service';
import { RequestContext } from '../auth/request-context';
import { PUBLIC_VIEWER, Viewer } from '../auth/viewer';
import { RedisConnections } from './redis-connections';

/** What Mercurius calls `onConnect` on: the connection, with its socket and a context holding the WebSocket's upgrade request. */
interface Connection {
  socket?: { close(code: number, reason: string): void };
  context?: { request?: FastifyRequest };
}

/** The graphql-transport-ws protocol's close code for a connection that may not go on (its token no longer holds). */
const FORBIDDEN = 4403;

/** A subscription's context: a request's, and, for a connection admitted with a token, how to tell who it is now. */
export interface SubscriberContext extends RequestContext {
  /** The rights the connection's token carries now; null once they are gone (revoked, expired, organiser removed). */
  viewerNow?: () => Promise<Viewer | null>;
  /** Closes the connection, for a token that no longer holds. */
  refuseConnection?: () => void;
}

/**
 * Mercurius's subscription settings: the Redis-backed emitter when there is one, and who the
 * subscriber is. A connection is public unless its `connection_init` payload carries
 * `{ "authorization": "Bearer <token>" }`; a token that is wrong refuses the connection. The
 * token is admitted as an HTTP request's is (AuthService.admit), so wrong ones count against the
 * same address; afterwards it is verified again before every event the connection would deliver
 * (`subscriberNow`), so rights taken away are gone from open sockets too.
 */
export function subscriptionOptions(redis: RedisConnections, auth: AuthService): MercuriusOptions['subscription'] {
  return {
    ...(redis.emitter ? { emitter: redis.emitter } : {}),
    context: (): RequestContext => ({ viewer: PUBLIC_VIEWER, loaders: new Map() }),
    async onConnect(this: Connection | undefined, { payload }: { payload?: Record<string, unknown> }) {
      const authorization = payload?.authorization ?? payload?.Authorization;
      if (authorization === undefined) return true;
      // Mercurius gives onConnect no request; the address is the upgrade request's, whose hooks have run.
      const client = this?.context?.request?.ip ?? 'websocket';
      const admission = await auth.admit(String(authorization), client);
      if (!('viewer' in admission && admission.viewer.organiser)) return false;
      const socket = this?.socket;
      const connection: Partial<SubscriberContext> = {
        viewer: admission.viewer,
        viewerNow: () => auth.viewerNow(String(authorization)),
        refuseConnection: () => socket?.close(FORBIDDEN, 'The access token is wrong, expired or revoked.'),
      };
      return connection;
    },
  };
}

/**
 * Who the subscriber is at this event, before anything of it is delivered: the public as it was,
 * or the rights its token carries now, which become the context's viewer for this event's fields.
 * Null once the token no longer holds: the connection is then closed, and nothing delivered.
 */
export async function subscriberNow(context: SubscriberContext): Promise<Viewer | null> {
  if (!context.viewerNow) return context.viewer;
  const viewer = await context.viewerNow();
  if (!viewer) {
    context.refuseConnection?.();
    return null;
  }
  context.viewer = viewer;
  return viewer;
}
