import { resolve } from 'node:path';

export type LogLevel = 'error' | 'warn' | 'info' | 'debug';
const LOG_LEVELS: LogLevel[] = ['error', 'warn', 'info', 'debug'];
const LOG_FORMATS = ['json', 'text'] as const;
export type LogFormat = (typeof LOG_FORMATS)[number];
const PHOTO_STORES = ['database', 's3'] as const;

/**
 * Every setting Lectern reads from the environment, typed and checked. Called once, at start (by
 * the server's and the CLI's entry points), and handed down; nothing else reads the environment.
 */
export function readConfiguration(env: NodeJS.ProcessEnv) {
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
    /** Namespaces Redis keys and channels: instances that share it share live updates and feed freshness. */
    redisPrefix: env.REDIS_PREFIX || undefined,
    logLevel,
    /**
     * `json`: one JSON object a line (for log collectors); `text`: readable lines, for a person.
     * Unset: whichever suits where standard output goes (text on a terminal), decided at start.
     */
    logFormat: env.LOG_FORMAT ? oneOf(env, 'LOG_FORMAT', LOG_FORMATS, 'json') : undefined,
    /** How long a stopping server may take to finish its requests before it exits anyway. */
    shutdownTimeoutMs: integer(env, 'SHUTDOWN_TIMEOUT_MS', 10_000, 1),
    /** Wrong, expired or revoked tokens a client may send a minute before it is answered 429. */
    failedTokenAttemptsPerMinute: integer(env, 'FAILED_TOKEN_ATTEMPTS_PER_MINUTE', 10),
    graphiql: onOff(env, 'GRAPHIQL', true),
    /** Where the organiser console's built files are (`npm run build` puts them in dist/console). */
    consoleDir: resolve(env.CONSOLE_DIR ?? 'dist/console'),
    /** Whether the schema answers `__schema` and `__type` (websites build against it). */
    introspection: onOff(env, 'INTROSPECTION', true),
    /** Larger request bodies are answered 413 before they are read to the end. */
    maxBodyBytes: integer(env, 'MAX_BODY_BYTES', 1024 * 1024, 1),
    /** How deeply a GraphQL query may nest fields. */
    graphqlMaxDepth: integer(env, 'GRAPHQL_MAX_DEPTH', 12, 1),
    /** What a GraphQL query may cost; see src/common/query-limits.ts for how it is counted. */
    graphqlMaxCost: integer(env, 'GRAPHQL_MAX_COST', 20_000, 1),
    /** Whether public GraphQL requests are limited per client (off behind a CDN that does it). */
    rateLimit: onOff(env, 'RATE_LIMIT', true),
    rateLimitPerMinute: integer(env, 'RATE_LIMIT_PER_MINUTE', 600, 1),
    /** Browser origins allowed to send organiser requests (with `Authorization`); all others may only read. */
    corsOrganiserOrigins: origins(env, 'CORS_ORGANISER_ORIGINS'),
    /** Which proxies' X-Forwarded-For tells clients apart (Fastify's `trustProxy`). */
    trustProxy: trustProxy(env, 'TRUST_PROXY', 'loopback'),
    /** Whether webhooks may point at loopback, private, link-local and other non-public addresses. */
    webhookAllowPrivateTargets: onOff(env, 'WEBHOOK_ALLOW_PRIVATE_TARGETS', false),
    /** How long a webhook receiver may take to answer before the attempt counts as failed. */
    webhookTimeoutMs: integer(env, 'WEBHOOK_TIMEOUT_MS', 10_000, 1),
    /** The first retry's delay; each further retry waits twice as long (up to an hour). */
    webhookRetryBaseMs: integer(env, 'WEBHOOK_RETRY_BASE_MS', 1_000, 1),
    /** Attempts per delivery before it is given up as FAILED. */
    webhookMaxAttempts: integer(env, 'WEBHOOK_MAX_ATTEMPTS', 12, 1),
    /** Days after its conference's end that a deleted or unpublished session stays in feeds as cancelled. */
    cancelledEventsKeptDays: integer(env, 'CANCELLED_EVENTS_KEPT_DAYS', 30),
    /** Where mail goes (`smtp://user:pass@host:587`, `smtps://…`). Unset: mails are kept in the outbox, unsent. */
    smtpUrl: env.SMTP_URL || undefined,
    /** The sender of every mail Lectern sends. */
    mailFrom: env.MAIL_FROM || 'Lectern <lectern@localhost>',
    /** Attempts per mail before it is given up as FAILED. */
    mailMaxAttempts: integer(env, 'MAIL_MAX_ATTEMPTS', 8, 1),
    /** The first retry's delay; each further retry waits twice as long (up to an hour). */
    mailRetryBaseMs: integer(env, 'MAIL_RETRY_BASE_MS', 5_000, 1),
    /** How long a speaker's sign-in link stays valid. */
    invitationTtlDays: integer(env, 'INVITATION_TTL_DAYS', 7, 1),
    /** How long a speaker stays signed in without coming back. */
    speakerSessionDays: integer(env, 'SPEAKER_SESSION_DAYS', 30, 1),
    /** How long an organiser's console sign-in link stays valid (once). */
    organiserLinkMinutes: integer(env, 'ORGANISER_LINK_MINUTES', 30, 1),
    /** How long an organiser stays signed in to the console, from signing in. */
    organiserSessionHours: integer(env, 'ORGANISER_SESSION_HOURS', 12, 1),
    /** Days before a questionnaire's due date that speakers who have not submitted are reminded (0: never). */
    questionnaireReminderDays: integer(env, 'QUESTIONNAIRE_REMINDER_DAYS', 3),
    /** The largest photo a speaker may upload. */
    photoMaxBytes: integer(env, 'PHOTO_MAX_BYTES', 10 * 1024 * 1024, 1),
    /** Where photos' files are kept: `database` (every instance that shares it serves them) or `s3`, an S3-compatible store (S3_*). */
    photoStore: oneOf(env, 'PHOTO_STORE', PHOTO_STORES, 'database'),
    s3: s3Settings(env),
  };
}

/**
 * The S3-compatible store for photos (PHOTO_STORE=s3). Without S3_ACCESS_KEY_ID, the AWS SDK finds
 * credentials its own way (an instance role, AWS_* variables).
 */
function s3Settings(env: NodeJS.ProcessEnv) {
  const bucket = env.S3_BUCKET || undefined;
  if (env.PHOTO_STORE === 's3' && !bucket) throw new Error('PHOTO_STORE=s3 needs S3_BUCKET');
  return {
    bucket,
    /** E.g. `http://minio.internal:9000`; unset: AWS's own address for S3_REGION. */
    endpoint: env.S3_ENDPOINT || undefined,
    region: env.S3_REGION || 'us-east-1',
    /** Put before every object's key, e.g. `lectern/photos/`. */
    prefix: env.S3_PREFIX ?? 'photos/',
    accessKeyId: env.S3_ACCESS_KEY_ID || undefined,
    secretAccessKey: env.S3_SECRET_ACCESS_KEY || undefined,
    /** `https://host/bucket/key` (MinIO and most S3-compatible stores), not `https://bucket.host/key`. */
    forcePathStyle: onOff(env, 'S3_FORCE_PATH_STYLE', true),
  };
}

function integer(env: NodeJS.ProcessEnv, name: string, fallback: number, min = 0): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min) {
    throw new Error(`${name} must be a whole number${min > 0 ? ` of at least ${min}` : ''}, not "${raw}"`);
  }
  return value;
}

function oneOf<T extends string>(env: NodeJS.ProcessEnv, name: string, values: readonly T[], fallback: T): T {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  if (!values.includes(raw as T)) throw new Error(`${name} must be one of ${values.join(', ')}, not "${raw}"`);
  return raw as T;
}

function onOff(env: NodeJS.ProcessEnv, name: string, fallback: boolean): boolean {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  if (raw !== 'on' && raw !== 'off') throw new Error(`${name} must be "on" or "off", not "${raw}"`);
  return raw === 'on';
}

/** A comma-separated list of origins, each exactly as browsers send it: `https://admin.example.org`. */
function origins(env: NodeJS.ProcessEnv, name: string): string[] {
  const list = (env[name] ?? '')
    .split(',')
    .map((origin) => origin.trim())
    .filter(Boolean);
  for (const origin of list) {
    if (URL.canParse(origin) && new URL(origin).origin === origin) continue;
    throw new Error(`${name}: "${origin}" is not an origin such as https://admin.example.org (scheme, host and port, no path)`);
  }
  return list;
}

/**
 * `on` believes X-Forwarded-For from anyone, which lets any client pick its own address and slip
 * past per-client limits; `off` believes nobody; otherwise a hop count or a comma-separated list
 * of proxy addresses, CIDR ranges or `loopback`, as Fastify's `trustProxy` takes them.
 */
function trustProxy(env: NodeJS.ProcessEnv, name: string, fallback: string): boolean | number | string {
  const raw = env[name] || fallback;
  if (raw === 'on' || raw === 'off') return raw === 'on';
  return /^\d+$/.test(raw) ? Number(raw) : raw;
}

export type AppConfig = ReturnType<typeof readConfiguration>;

/** The injection token under which every module finds the one configuration read at start. */
export const APP_CONFIG = Symbol('AppConfig');
