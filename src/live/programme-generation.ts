import { randomUUID } from 'node:crypto';
import { Injectable, Logger } from '@nestjs/common';
import type { ChangeScope } from '../database/transactions';
import { RedisConnections } from './redis-connections';

/** What instances share a generation of: the programme, and each narrower scope (one conference, speaker or agenda). */
export type GenerationName = ChangeScope | 'any-commit';

/**
 * Which state of the programme every instance is at, kept in Redis: a fresh random value written
 * after every committed change, by the instance that committed it, before that instance answers.
 * Changes narrower than the programme (one agenda) move their family's generation instead
 * (`agenda-generation`), so other instances drop what they keep of that family and nothing else.
 *
 * Why a value read on each use rather than an invalidation message: a message arrives whenever
 * Redis delivers it, so an instance could still serve a stale feed just after another instance's
 * mutation has answered. Reading the values (one MGET, well under a millisecond) sees every write
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

  /** The current shared generations, in the order asked; undefined when Redis cannot say, so the caller must not trust a cache. */
  async current(names: readonly GenerationName[]): Promise<string[] | undefined> {
    if (!this.redis.client) return names.map(() => '');
    try {
      const values = await this.redis.client.mget(names.map((name) => this.key(name)));
      return values.map((value) => value ?? 'none');
    } catch (error) {
      this.logger.warn(`Cannot read the programme generation: ${(error as Error).message}`);
      return undefined;
    }
  }

  /**
   * Moves a shared generation on, and answers the value written and the one it replaced (so the
   * caller can tell whether another instance moved it since it last looked), or undefined when
   * Redis could not take it. Never throws: the change it follows is committed either way.
   */
  async advance(name: GenerationName): Promise<{ written: string; replaced: string } | undefined> {
    if (!this.redis.client) return undefined;
    const written = randomUUID();
    try {
      const replaced = await this.redis.client.set(this.key(name), written, 'GET');
      return { written, replaced: replaced ?? 'none' };
    } catch (error) {
      this.logger.error(`Other instances may serve stale feeds: the ${name} generation could not be moved on: ${(error as Error).message}`);
      return undefined;
    }
  }

  private key(name: GenerationName): string {
    return this.redis.key(`${name}-generation`);
  }
}
