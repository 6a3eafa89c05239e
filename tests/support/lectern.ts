import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { Client } from 'pg';
import { createApp } from '../../src/app';
import { readConfiguration } from '../../src/config/configuration';
import { OrganiserRole } from '../../src/auth/organiser.entity';
import { SYSTEM_ACTOR } from '../../src/auth/viewer';
import { OrganiserService } from '../../src/organisers/organiser.service';
import { engineEnvironment } from './environment';

/** The admin token of the most recently started server (each server makes its own admin). */
export let ORGANISER_TOKEN = '';

export interface GraphqlResult<T = any> {
  status: number;
  headers: Headers;
  data?: T;
  errors?: { message: string; path?: string[]; extensions?: { code?: string; field?: string; problems?: { field: string }[] } }[];
}

export interface Lectern {
  app: NestFastifyApplication;
  url: string;
  /** The admin's token on this server. */
  adminToken: string;
  /** A token of a new ORGANISER whose scope is these conferences. */
  organiserToken(conferenceIds: Array<number | string>, name?: string): Promise<string>;
  /** A GraphQL request over HTTP, as a public reader or, with `as: 'organiser'`, as the admin. */
  graphql<T = any>(query: string, variables?: Record<string, unknown>, options?: GraphqlOptions): Promise<GraphqlResult<T>>;
  /** A GraphQL request expected to succeed: fails the test with the server's errors otherwise. */
  ok<T = any>(query: string, variables?: Record<string, unknown>, options?: GraphqlOptions): Promise<T>;
  close(): Promise<void>;
}

export interface GraphqlOptions {
  /** The admin's token. */
  as?: 'organiser';
  token?: string;
  /** More request headers, e.g. a speaker's `cookie` and `x-csrf-token`. */
  headers?: Record<string, string>;
}

/** Servers this test process has open; PostgreSQL is shared, so only the first one empties it. */
let running = 0;

/**
 * With REDIS_URL, the namespace of this test file's servers in Redis (jest loads this module anew
 * for each file): what one suite counts there (wrong tokens, public requests from 127.0.0.1) must
 * not reach the next one, as it would under the default namespace, which follows the database.
 * Servers of one file share it, as instances behind one load balancer do.
 */
const REDIS_PREFIX = `lectern-test:${randomUUID()}`;

/**
 * Starts Lectern on a random port over a database of its own: a new SQLite file, or, when
 * DATABASE_URL is set, that PostgreSQL database with its schema emptied first (unless another
 * server of this process is using it). `settings` are Lectern's settings by the names operators
 * set them with (`RATE_LIMIT: 'off'`); the rest are the defaults, whatever the shell has set.
 */
export async function startLectern(settings: Record<string, string> = {}): Promise<Lectern> {
  const directory = mkdtempSync(join(tmpdir(), 'lectern-test-'));
  const config = readConfiguration({
    ...engineEnvironment(),
    SQLITE_PATH: join(directory, 'lectern.sqlite'),
    LOG_LEVEL: 'error',
    REDIS_PREFIX,
    ...settings,
  });
  if (config.databaseUrl && running === 0) await resetPostgres(config.databaseUrl);
  const app = await createApp(config);
  running++;
  // A random free port, unless the test chose one (to give PUBLIC_BASE_URL the address it is reached at).
  await app.listen(settings.PORT ? config.port : 0, '127.0.0.1');
  const address = app.getHttpServer().address() as { port: number };
  const url = `http://127.0.0.1:${address.port}`;
  const organisers = app.get(OrganiserService);
  const issue = async (role: OrganiserRole, name: string, conferenceIds: string[] = []) => {
    const organiser = await organisers.create({ name, role, conferenceIds }, SYSTEM_ACTOR);
    return (await organisers.issueToken({ name: 'tests', organiserId: String(organiser.id) }, SYSTEM_ACTOR)).secret;
  };
  const adminToken = await issue(OrganiserRole.ADMIN, 'Test Admin');
  ORGANISER_TOKEN = adminToken;

  const graphql: Lectern['graphql'] = async (query, variables, options = {}) => {
    const token = options.token ?? (options.as === 'organiser' ? adminToken : undefined);
    const response = await fetch(`${url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}), ...options.headers },
      body: JSON.stringify({ query, variables }),
    });
    const body = (await response.json()) as Record<string, unknown>;
    return { status: response.status, headers: response.headers, ...body };
  };

  return {
    app,
    url,
    adminToken,
    organiserToken: (conferenceIds, name = 'Test Organiser') => issue(OrganiserRole.ORGANISER, name, conferenceIds.map(String)),
    graphql,
    async ok(query, variables, options) {
      const result = await graphql(query, variables, options);
      if (result.errors?.length) throw new Error(`GraphQL errors: ${JSON.stringify(result.errors, null, 2)}`);
      return result.data;
    },
    async close() {
      await app.close();
      running--;
      rmSync(directory, { recursive: true, force: true });
    },
  };
}

async function resetPostgres(databaseUrl: string): Promise<void> {
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await client.query('DROP SCHEMA IF EXISTS public CASCADE; CREATE SCHEMA public;');
  } finally {
    await client.end();
  }
}
