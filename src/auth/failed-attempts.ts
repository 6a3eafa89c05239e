import { isIPv4, isIPv6 } from 'node:net';
import { Inject, Injectable, Logger, Optional } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '../config/configuration';
import { SharedRedis } from './shared-redis';

/** Wrong tokens are counted per client in windows of a minute from its first one. */
const WINDOW_MS = 60_000;

/** How many clients are counted in memory at once: this many refused ones, and as many still under the limit. */
export const MAX_COUNTED_CLIENTS = 10_000;

/** A client's wrong tokens in its current window, the one just made included, and when the window ends. */
export interface Tally {
  attempts: number;
  retryAfterSeconds: number;
}

/**
 * Counts the wrong, expired or revoked tokens each client sends, for the limit on them
 * (FAILED_TOKEN_ATTEMPTS_PER_MINUTE, applied by AuthService). With REDIS_URL the count is in Redis
 * (a key per client, INCR in a window that expires by itself), so every instance sees the same
 * one; without Redis, or while Redis does not answer, in this process's memory.
 *
 * A client is its address, or for IPv6 its /64 (one machine usually holds a whole /64, so counting
 * each address would let it try without limit).
 */
@Injectable()
export class FailedAttempts {
  private readonly logger = new Logger(FailedAttempts.name);
  private readonly memory: ClientWindows;

  constructor(
    @Inject(APP_CONFIG) config: Pick<AppConfig, 'failedTokenAttemptsPerMinute'>,
    @Optional() private readonly shared?: SharedRedis,
  ) {
    this.memory = new ClientWindows(config.failedTokenAttemptsPerMinute);
  }

  /** Counts one more wrong token from this client. */
  async count(address: string): Promise<Tally> {
    const client = clientOf(address);
    return (await this.countShared(client)) ?? this.memory.count(client);
  }

  private async countShared(client: string): Promise<Tally | undefined> {
    const redis = this.shared?.client;
    if (!redis) return undefined;
    const key = this.shared!.key(`failed-tokens:${client}`);
    try {
      const results = await redis.multi().set(key, 0, 'PX', WINDOW_MS, 'NX').incr(key).pttl(key).exec();
      const failed = !results ? new Error('the transaction was discarded') : results.find(([error]) => error)?.[0];
      if (failed) throw failed;
      const [, [, attempts], [, ttl]] = results!;
      return { attempts: Number(attempts), retryAfterSeconds: Math.max(1, Math.ceil(Number(ttl) / 1000)) };
    } catch (error) {
      this.logger.warn(`Counting failed token attempts on this instance alone: Redis: ${(error as Error).message}`);
      return undefined;
    }
  }
}

interface Window {
  attempts: number;
  endsAt: number;
}

/**
 * The windows in memory, bounded without ever forgetting everyone at once: clients over the limit
 * are kept apart from the others, each group up to MAX_COUNTED_CLIENTS, and when one is full its
 * oldest window goes (windows are kept in the order they began, so expired ones go first). So
 * clients that send wrong tokens once each, however many, only ever push out others that are
 * still under the limit (an attacker with that many addresses has that many tries anyway), and
 * never a client that is being refused.
 */
export class ClientWindows {
  private readonly counting = new Map<string, Window>();
  private readonly refused = new Map<string, Window>();

  constructor(
    private readonly limit: number,
    private readonly capacity = MAX_COUNTED_CLIENTS,
  ) {}

  count(client: string, now = Date.now()): Tally {
    let window = this.refused.get(client) ?? this.counting.get(client);
    if (window && window.endsAt <= now) {
      this.refused.delete(client);
      this.counting.delete(client);
      window = undefined;
    }
    if (!window) {
      window = { attempts: 0, endsAt: now + WINDOW_MS };
      this.keep(this.counting, client, window);
    }
    window.attempts++;
    if (window.attempts === this.limit + 1) {
      this.counting.delete(client);
      this.keep(this.refused, client, window);
    }
    return { attempts: window.attempts, retryAfterSeconds: Math.max(1, Math.ceil((window.endsAt - now) / 1000)) };
  }

  private keep(windows: Map<string, Window>, client: string, window: Window): void {
    while (windows.size >= this.capacity) windows.delete(windows.keys().next().value!);
    windows.set(client, window);
  }
}

/** The client an address counts as: itself, or for IPv6 its /64 (an IPv4-mapped address is its IPv4 one). */
export function clientOf(address: string): string {
  const bare = address.replace(/%.*$/, '');
  if (!isIPv6(bare)) return address;
  const mapped = /^::ffff:([\d.]+)$/i.exec(bare)?.[1];
  if (mapped && isIPv4(mapped)) return mapped;
  const [head, tail] = bare.split('::');
  const groups = (part: string | undefined) => (part ? part.split(':') : []);
  // An IPv4 address at the end holds the last two groups; only the first four matter here.
  const tailGroups = groups(tail).flatMap((group) => (group.includes('.') ? ['0', '0'] : [group]));
  const missing = tail === undefined ? 0 : 8 - groups(head).length - tailGroups.length;
  const full = [...groups(head), ...Array<string>(missing).fill('0'), ...tailGroups];
  return `${full
    .slice(0, 4)
    .map((group) => parseInt(group, 16).toString(16))
    .join(':')}::/64`;
}
