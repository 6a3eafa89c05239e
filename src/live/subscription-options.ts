import { FastifyRequest } from 'fastify';
import { MercuriusOptions } from 'mercurius';
import { AuthService } from '../auth/auth.service';
import { csrfTokenMatches } from '../auth/cookie-sessions';
import { RequestContext } from '../auth/request-context';
import { PUBLIC_VIEWER, Viewer } from '../auth/viewer';
import { OrganiserSessions } from '../organisers/sessions/organiser-sessions.service';
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
 * `{ "authorization": "Bearer <token>" }`, or comes from the console: the upgrade request carries
 * its session cookie and the payload `{ "csrfToken": … }` of that session (the cookie alone would
 * let a page of another site subscribe in the organiser's name). A token or CSRF token that is
 * wrong refuses the connection. The token is admitted as an HTTP request's is (AuthService.admit),
 * so wrong ones count against the same address; afterwards the token or session is verified again
 * before every event the connection would deliver (`subscriberNow`), so rights taken away, or a
 * session closed, are gone from open sockets too.
 */
export function subscriptionOptions(
  redis: RedisConnections,
  auth: AuthService,
  consoleSessions: OrganiserSessions,
): MercuriusOptions['subscription'] {
  return {
    ...(redis.emitter ? { emitter: redis.emitter } : {}),
    context: (): RequestContext => ({ viewer: PUBLIC_VIEWER, loaders: new Map() }),
    async onConnect(this: Connection | undefined, { payload }: { payload?: Record<string, unknown> }) {
      const authorization = payload?.authorization ?? payload?.Authorization;
      // Mercurius gives onConnect no request; the upgrade request's hooks have run (src/http/viewer.ts).
      const upgrade = this?.context?.request;
      if (authorization === undefined) return consoleConnection(this, upgrade, payload?.csrfToken, consoleSessions);
      const client = upgrade?.ip ?? 'websocket';
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

/** A connection from the console: public without a CSRF token, refused with one that is not its session's. */
function consoleConnection(
  connection: Connection | undefined,
  upgrade: FastifyRequest | undefined,
  csrfToken: unknown,
  consoleSessions: OrganiserSessions,
): true | false | Partial<SubscriberContext> {
  const secret = upgrade?.organiserSession;
  if (csrfToken === undefined) return true;
  if (!secret || !csrfTokenMatches(secret, csrfToken)) return false;
  const socket = connection?.socket;
  return {
    viewer: upgrade.viewer,
    viewerNow: () => consoleSessions.viewerFor(secret),
    refuseConnection: () => socket?.close(FORBIDDEN, 'The console session has ended.'),
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
