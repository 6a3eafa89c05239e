import { MercuriusOptions } from 'mercurius';
import { AuthService } from '../auth/auth.service';
import { RequestContext } from '../auth/request-context';
import { PUBLIC_VIEWER } from '../auth/viewer';
import { RedisConnections } from './redis-connections';

/**
 * Mercurius's subscription settings: the Redis-backed emitter when there is one, and who the
 * subscriber is. A connection is public unless its `connection_init` payload carries
 * `{ "authorization": "Bearer <token>" }`; a token that is wrong refuses the connection.
 */
export function subscriptionOptions(redis: RedisConnections, auth: AuthService): MercuriusOptions['subscription'] {
  return {
    ...(redis.emitter ? { emitter: redis.emitter } : {}),
    context: (): RequestContext => ({ viewer: PUBLIC_VIEWER, loaders: new Map() }),
    onConnect: async ({ payload }: { payload?: Record<string, unknown> }) => {
      const authorization = payload?.authorization ?? payload?.Authorization;
      if (authorization === undefined) return true;
      const viewer = await auth.viewerFor(String(authorization));
      return viewer.organiser ? { viewer } : false;
    },
  };
}
