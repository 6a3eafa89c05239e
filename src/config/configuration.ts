import { resolve } from 'node:path';
import { ConfigType, registerAs } from '@nestjs/config';

export type LogLevel = 'error' | 'warn' | 'info' | 'debug';
const LOG_LEVELS: LogLevel[] = ['error', 'warn', 'info', 'debug'];

/** Every setting Lectern reads from the environment, read once, typed and checked. */
export function readConfiguration(env: NodeJS.ProcessEnv = process.env) {
  const port = integer(env, 'PORT', 3000);
  const logLevel = (env.LOG_LEVEL ?? 'info') as LogLevel;
  if (!LOG_LEVELS.includes(logLevel)) {
    throw new Error(`LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')}, not "${env.LOG_LEVEL}"`);
  }
  return {
    host: env.HOST ?? '127.0.0.1',
    port,
    publicBaseUrl: (env.PUBLIC_BASE_URL ?? `http://localhost:${port}`).replace(/\/+$/, ''),
    sqlitePath: resolve(env.SQLITE_PATH ?? 'data/lectern.sqlite'),
    databaseUrl: env.DATABASE_URL || undefined,
    databasePoolSize: integer(env, 'DATABASE_POOL_SIZE', 10),
    redisUrl: env.REDIS_URL || undefined,
    logLevel,
    /** The shared organiser secret; mutations are refused while it is unset. */
    organiserToken: env.ORGANISER_TOKEN || undefined,
    graphiql: env.GRAPHIQL !== 'off',
  };
}

function integer(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 0) throw new Error(`${name} must be a whole number, not "${raw}"`);
  return value;
}

export const appConfig = registerAs('app', () => readConfiguration());
export type AppConfig = ConfigType<typeof appConfig>;
