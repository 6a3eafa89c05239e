import type Redis from 'ioredis';

/**
 * The Redis that instances of Lectern share (REDIS_URL), as auth uses it: a client for small
 * commands and the namespace its keys go in. RedisModule (src/live/redis.module.ts) provides its
 * RedisConnections as this; auth declares what it needs here, so it depends on nothing above it.
 * Where it is missing (a process without RedisModule: the command line) or has no client (no
 * REDIS_URL), auth keeps what it counts in memory, for this process alone.
 */
export abstract class SharedRedis {
  abstract readonly client: Redis | null;
  abstract key(name: string): string;
}
