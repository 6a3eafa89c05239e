import { randomUUID } from 'node:crypto';
import { Injectable, Logger, Optional } from '@nestjs/common';
import { SharedRedis } from './shared-redis';

/**
 * Which state of organisers' rights (their tokens, roles and scopes) the instances are at: moved
 * on after every change of rights has committed, by the instance that made it, before it answers.
 * A token's rights are kept for a few seconds (TokenService), and only while the generation they
 * were read at is still the current one, so what a revocation, a scope change or a removed
 * organiser takes away is gone on every instance, for every request and open socket after it.
 *
 * In memory without REDIS_URL; in Redis with it (one GET per use, as the programme generation in
 * src/live/programme-generation.ts), random rather than counted so that a Redis that restarts
 * empty can never hand out a value some instance still trusts. When Redis cannot say, nothing
 * kept is trusted.
 */
@Injectable()
export class RightsGeneration {
  private readonly logger = new Logger(RightsGeneration.name);
  private local = 0;

  constructor(@Optional() private readonly shared?: SharedRedis) {}

  /** The current generation, or undefined when it cannot be known (Redis does not answer). */
  async current(): Promise<string | undefined> {
    const client = this.shared?.client;
    if (!client) return String(this.local);
    try {
      return (await client.get(this.key())) ?? 'none';
    } catch (error) {
      this.logger.warn(`Cannot read the rights generation; verifying every token afresh: ${(error as Error).message}`);
      return undefined;
    }
  }

  /** Moves the generation on. Never throws: the change it follows has committed either way. */
  async advance(): Promise<void> {
    this.local++;
    const client = this.shared?.client;
    if (!client) return;
    try {
      await client.set(this.key(), randomUUID());
    } catch (error) {
      this.logger.error(
        `Other instances may honour rights just taken away for a few seconds: the rights generation could not be moved on: ${(error as Error).message}`,
      );
    }
  }

  private key(): string {
    return this.shared!.key('rights-generation');
  }
}
