import { randomUUID } from 'node:crypto';
import { Injectable, Logger } from '@nestjs/common';
import { RedisConnections } from './redis-connections';

/**
 * Which state of the programme every instance is at, kept in Redis: a fresh random value written
 * after every committed change, by the instance that committed it, before that instance answers.
 *
 * Why a value read on each use rather than an invalidation message: a message arrives whenever
 * Redis delivers it, so an instance could still serve a stale feed just after another instance's
 * mutation has answered. Reading the value (one GET, well under a millisecond) sees every write
 * that finished before it. Random rather than counted, so a Redis that restarts empty can never
 * hand out a value some instance's cache still holds.
 */
@Injectable()
export class ProgrammeGeneration {
  private readonly logger = new Logger(ProgrammeGeneration.name);

  constructor(private readonly redis: RedisConnections) {}

  /** Whether instances share a generation at all (only with Redis). */
  get shared(): boolean {
    return this.redis.client !== null;
  }

  /** The current shared generation; undefined when Redis cannot say, so the caller must not trust a cache. */
  async current(): Promise<string | undefined> {
    if (!this.redis.client) return '';
    try {
      return (await this.redis.client.get(this.redis.key('programme-generation'))) ?? 'none';
    } catch (error) {
      this.logger.warn(`Cannot read the programme generation: ${(error as Error).message}`);
      return undefined;
    }
  }

  /** Moves the shared generation on. Never throws: the change it follows is committed either way. */
  async advance(): Promise<void> {
    if (!this.redis.client) return;
    try {
      await this.redis.client.set(this.redis.key('programme-generation'), randomUUID());
    } catch (error) {
      this.logger.error(
        `Other instances may serve stale feeds: the programme generation could not be moved on: ${(error as Error).message}`,
      );
    }
  }
}
