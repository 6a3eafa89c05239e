import { Global, Module } from '@nestjs/common';
import { ProgrammeGeneration } from './programme-generation';
import { RedisConnections } from './redis-connections';

/** What several instances share through Redis (and, without REDIS_URL, its single-instance stand-ins). */
@Global()
@Module({
  providers: [RedisConnections, ProgrammeGeneration],
  exports: [RedisConnections, ProgrammeGeneration],
})
export class RedisModule {}
