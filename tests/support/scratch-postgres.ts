import { Client } from 'pg';
import { ENGINE } from './environment';

/**
 * A PostgreSQL database of a test's own beside DATABASE_URL's (same server and user), created if
 * missing and emptied, so a test that runs servers as separate processes never touches the
 * database other tests share.
 */
export async function scratchPostgres(
  name: string,
  baseUrl = ENGINE.databaseUrl || 'postgres://postgres@127.0.0.1:5432/postgres',
): Promise<string> {
  const url = new URL(baseUrl);
  url.pathname = `/${name}`;
  const admin = new Client({ connectionString: baseUrl });
  await admin.connect();
  try {
    const { rowCount } = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (!rowCount) await admin.query(`CREATE DATABASE "${name}"`);
  } finally {
    await admin.end();
  }
  const database = new Client({ connectionString: url.toString() });
  await database.connect();
  try {
    await database.query('DROP SCHEMA IF EXISTS public CASCADE; CREATE SCHEMA public;');
  } finally {
    await database.end();
  }
  return url.toString();
}
