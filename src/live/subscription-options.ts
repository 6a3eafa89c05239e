import { FastifyRequest } from 'fastify';
import { MercuriusOptions } from 'mercurius';
import { AuthService } from '../auth/auth.service';
import { RequestContext } from '../auth/request-context';
import { PUBLIC_VIEWER } from '../auth/viewer';
import { RedisConnections } from './redis-connections';

/** What Mercurius calls `onConnect` on: the connection, whose context holds the WebSocket's upgrade request. */
interface Connection {
  context?: { request?: FastifyRequest };
}

/**
 * Mercurius's subscription settings: the Redis-backed emitter when there is one, and who the
 * subscriber is. A connection is public unless its `connection_init` payload carries
 * `{ "authorization": "Bearer <token>" }`; a token that is wrong refuses the connection. The
 * token is admitted as an HTTP request's is (AuthService.admit), so wrong ones count against the
 * same address; the viewer is then the connection's for as long as it lasts.
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
      return 'viewer' in admission && admission.viewer.organiser ? { viewer: admission.viewer } : false;
    },
  };
}
