import { Global, Module } from '@nestjs/common';
import { SharedRedis } from '../auth/shared-redis';
import { ProgrammeGeneration } from './programme-generation';
import { RedisConnections } from './redis-connections';

/** What several instances share through Redis (and, without REDIS_URL, its single-instance stand-ins). */
@Global()
@Module({
  // SharedRedis: the same connections, as auth asks for them (its failed-attempt counts and rights generation).
  providers: [RedisConnections, ProgrammeGeneration, { provide: SharedRedis, useExisting: RedisConnections }],
  exports: [RedisConnections, ProgrammeGeneration, SharedRedis],
})
export class RedisModule {}
