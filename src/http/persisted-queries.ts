import { Logger } from '@nestjs/common';
import mercurius, { PersistedQueryProvider } from 'mercurius';
import { SharedRedis } from '../auth/shared-redis';

/** Queries each instance keeps in memory, most recently used first; the oldest go beyond it. */
export const LOCAL_PERSISTED_QUERIES = 1024;
/** How long Redis keeps a registered query: a client whose hash is unknown after it registers the text again. */
export const PERSISTED_QUERY_TTL_SECONDS = 24 * 60 * 60;
/** Longer texts are kept by the instance that saw them only, not in Redis. */
export const MAX_SHARED_QUERY_BYTES = 64 * 1024;

const SHA256_HEX = /^[0-9a-f]{64}$/;

/**
 * Automatic persisted queries (Mercurius's protocol, as Apollo's clients speak it): a client sends
 * a query's SHA-256 alone; on `PersistedQueryNotFound` it sends the hash with the text once, which
 * Mercurius checks against the hash, runs, and saves here when the document was valid.
 *
 * Every instance keeps the queries it has seen in memory (at most LOCAL_PERSISTED_QUERIES). With
 * Redis (REDIS_URL), a saved query is also written there, in the instance's namespace
 * (`<REDIS_PREFIX>:persisted-query:<hash>`, for PERSISTED_QUERY_TTL_SECONDS), and a hash this
 * instance does not know is looked up there: a query registered through one instance is found by
 * its hash on every other. A hash's text never changes, so what an instance keeps is never stale.
 * When Redis does not answer, the hash is unknown to this instance (the client sends the text
 * again, as the protocol has it) and the query is kept in memory only.
 */
export function persistedQueryProvider(shared?: SharedRedis): PersistedQueryProvider {
  const local = mercurius.persistedQueryDefaults.automatic(LOCAL_PERSISTED_QUERIES);
  const redis = shared?.client;
  if (!shared || !redis) return local;
  const logger = new Logger('PersistedQueries');
  const key = (hash: string) => shared.key(`persisted-query:${hash}`);
  return {
    ...local,
    async getQueryFromHash(hash) {
      const known = await local.getQueryFromHash(hash);
      // Only a SHA-256 can name a saved query: anything else is not looked up.
      if (known !== undefined || !SHA256_HEX.test(hash)) return known;
      let query: string | null;
      try {
        query = await redis.get(key(hash));
      } catch (error) {
        logger.warn(`Cannot read a persisted query from Redis: ${(error as Error).message}`);
        return undefined;
      }
      if (query === null) return undefined;
      await local.saveQuery!(hash, query);
      return query;
    },
    async saveQuery(hash, query) {
      await local.saveQuery!(hash, query);
      if (Buffer.byteLength(query, 'utf8') > MAX_SHARED_QUERY_BYTES) return;
      try {
        await redis.set(key(hash), query, 'EX', PERSISTED_QUERY_TTL_SECONDS);
      } catch (error) {
        // Not thrown: Mercurius would log the query's text with it. This instance has it all the same.
        logger.warn(`Cannot save a persisted query in Redis: ${(error as Error).message}`);
      }
    },
  };
}
