import { createHash } from 'node:crypto';
import { Inject, Injectable, Logger, OnApplicationShutdown } from '@nestjs/common';
import Redis from 'ioredis';
import mqemitterRedis from 'mqemitter-redis';
import { SharedRedis } from '../auth/shared-redis';
import { APP_CONFIG, AppConfig } from '../config/configuration';

/** A Redis command that cannot be answered within this is given up on: the caller falls back. */
const COMMAND_TIMEOUT_MS = 1000;
/** How long closing may wait for Redis to say goodbye before the sockets are simply dropped. */
const QUIT_TIMEOUT_MS = 1000;

/**
 * What instances of Lectern share when REDIS_URL is set: a client for small commands, and the
 * emitter that carries live updates to the subscribers of every instance. Without Redis there is
 * neither, and Mercurius keeps its in-memory emitter, which is all a single instance needs.
 */
@Injectable()
export class RedisConnections implements OnApplicationShutdown, SharedRedis {
  private readonly logger = new Logger('Redis');
  /** Null without REDIS_URL. */
  readonly client: Redis | null;
  /** Null without REDIS_URL. */
  readonly emitter: mqemitterRedis.MQEmitterRedis | null;
  /** Namespaces every key and channel, so deployments (and test runs) on one Redis stay apart. */
  readonly prefix: string;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    this.prefix = config.redisPrefix ?? defaultPrefix(config);
    if (!config.redisUrl) {
      this.client = null;
      this.emitter = null;
      return;
    }
    // A request must not hang on an unreachable Redis: each caller has a correct answer without it.
    this.client = new Redis(config.redisUrl, { maxRetriesPerRequest: 1, commandTimeout: COMMAND_TIMEOUT_MS });
    this.client.on('error', (error: Error) => this.logger.warn(`Redis: ${error.message}`));
    const emitter = mqemitterRedis({ connectionString: config.redisUrl });
    // Without a listener, the emitter's connection errors would be thrown and end the process.
    (emitter as unknown as { state: NodeJS.EventEmitter }).state.on('error', (error: Error) =>
      this.logger.warn(`Redis (live updates): ${error.message}`),
    );
    this.emitter = emitter;
  }

  key(name: string): string {
    return `${this.prefix}:${name}`;
  }

  async onApplicationShutdown(): Promise<void> {
    const emitter = this.emitter as unknown as { subConn: Redis; pubConn: Redis } | null;
    // Subscriptions end with their connection. A polite QUIT would race the UNSUBSCRIBEs that the
    // closing WebSockets still send, and fail on them.
    emitter?.subConn.disconnect();
    await Promise.all(
      [this.client, emitter?.pubConn].map((connection) => connection && withTimeout(connection.quit().then(noop, noop), QUIT_TIMEOUT_MS)),
    );
    // Whatever did not say goodbye in time (an unreachable Redis) is dropped.
    for (const connection of [this.client, emitter?.pubConn]) {
      if (connection && connection.status !== 'end') connection.disconnect();
    }
  }
}

const noop = () => undefined;

/**
 * Instances that share a database share a programme, so by default they share a namespace: the
 * database's host, port and name (never its password), or the SQLite file's path.
 */
function defaultPrefix(config: AppConfig): string {
  let database = config.sqlitePath;
  if (config.databaseUrl) {
    const url = new URL(config.databaseUrl);
    database = `${url.hostname}:${url.port || '5432'}${url.pathname}`;
  }
  return `lectern:${createHash('sha256').update(database).digest('base64url').slice(0, 12)}`;
}

function withTimeout(work: Promise<void>, ms: number): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<void>((resolve) => (timer = setTimeout(resolve, ms)));
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}
