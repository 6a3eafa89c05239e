import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sqlite3 from 'sqlite3';
import { adminTokenFor, ChildLectern, lecternCli, spawnLectern } from '../support/child-lectern';

jest.setTimeout(240_000);

const BEFORE = 30;

describe('db:backup and db:restore of the SQLite database', () => {
  const directory = mkdtempSync(join(tmpdir(), 'lectern-backup-'));
  const env = { DATABASE_URL: '', SQLITE_PATH: join(directory, 'lectern.sqlite'), RATE_LIMIT: 'off' };
  const backupPath = join(directory, 'backups', 'lectern-backup.sqlite');
  let token: string;
  let server: ChildLectern | undefined;
  let backedUp: string[];

  beforeAll(async () => {
    await lecternCli(['demo:load'], env);
    token = await adminTokenFor(env);
    server = await spawnLectern(env);
  });
  afterAll(async () => {
    await server?.stop();
    rmSync(directory, { recursive: true, force: true });
  });

  it('copies the live database while the server goes on writing', async () => {
    const graphql = graphqlAt(server!.url, token);
    for (let i = 0; i < BEFORE; i++)
      await graphql(`mutation { createSpeaker(input: { slug: "before-${i}", name: "Before ${i}" }) { id } }`);

    let writing = true;
    let written = 0;
    const writer = (async () => {
      while (writing) await graphql(`mutation { createSpeaker(input: { slug: "during-${written}", name: "During ${written++}" }) { id } }`);
    })();
    const output = await lecternCli(['db:backup', '--to', backupPath], env);
    writing = false;
    await writer;
    expect(output).toMatch(/^Backed up .* \(\d+ pages\)\.$/m);

    const backup = await open(backupPath);
    try {
      expect(await all(backup, 'PRAGMA integrity_check')).toEqual([{ integrity_check: 'ok' }]);
      // One file, nothing beside it to carry along.
      expect(await all(backup, 'PRAGMA journal_mode')).toEqual([{ journal_mode: 'delete' }]);
      backedUp = (await all<{ slug: string }>(backup, 'SELECT slug FROM speakers ORDER BY id')).map((row) => row.slug);
    } finally {
      await close(backup);
    }
    // Everything answered before the backup began is in it; of the writes during it, a prefix.
    expect(backedUp).toEqual(expect.arrayContaining(Array.from({ length: BEFORE }, (_, i) => `before-${i}`)));
    expect(backedUp).toContain('erik-sandstrom');
    const during = backedUp.filter((slug) => slug.startsWith('during-'));
    expect(during).toEqual(during.map((_, i) => `during-${i}`));
    expect(during.length).toBeLessThanOrEqual(written);
  });

  it('will not restore over the database of a running server', async () => {
    await expect(lecternCli(['db:restore', '--from', backupPath], env)).rejects.toThrow(/in use: stop Lectern/);
    // The server is unharmed.
    expect((await graphqlAt(server!.url, token)('{ speaker(slug: "before-0") { slug } }')).speaker).toEqual({ slug: 'before-0' });
  });

  it('refuses a file that is not a Lectern database, and leaves the database as it was', async () => {
    await server!.stop();
    server = undefined;
    const stranger = join(directory, 'stranger.sqlite');
    const other = await open(stranger);
    await all(other, 'CREATE TABLE notes (text TEXT)');
    await close(other);
    await expect(lecternCli(['db:restore', '--from', stranger], env)).rejects.toThrow(/not a Lectern one/);
    await expect(lecternCli(['db:restore', '--from', join(directory, 'nowhere.sqlite')], env)).rejects.toThrow(/no file/);

    server = await spawnLectern(env);
    expect((await graphqlAt(server.url, token)(`{ speaker(slug: "during-0") { slug } }`)).speaker).toEqual({ slug: 'during-0' });
  });

  it('restores the backup in place of the database, and the server answers from it', async () => {
    const graphql = graphqlAt(server!.url, token);
    await graphql('mutation { createSpeaker(input: { slug: "after-the-backup", name: "After The Backup" }) { id } }');
    await server!.stop();
    server = undefined;

    const output = await lecternCli(['db:restore', '--from', backupPath], env);
    expect(output).toMatch(/^Restored .* start Lectern on it again\.$/m);
    expect(existsSync(`${env.SQLITE_PATH}-wal`)).toBe(false);

    server = await spawnLectern(env);
    const restored = graphqlAt(server.url, token);
    const slugs: string[] = [];
    for (let after: string | null = null; ;) {
      const { speakers }: any = await restored(
        `{ speakers(first: 100${after ? `, after: "${after}"` : ''}) { edges { node { slug } } pageInfo { hasNextPage endCursor } } }`,
      );
      slugs.push(...speakers.edges.map((edge: { node: { slug: string } }) => edge.node.slug));
      if (!speakers.pageInfo.hasNextPage) break;
      after = speakers.pageInfo.endCursor;
    }
    expect(slugs.sort()).toEqual([...backedUp].sort());
    expect(slugs).not.toContain('after-the-backup');
    const { conference } = await restored('{ conference(slug: "internetdagarna-2020") { name sessions { totalCount } } }');
    expect(conference.sessions.totalCount).toBeGreaterThan(0);
    // And it takes writes again.
    await restored('mutation { createSpeaker(input: { slug: "after-the-restore", name: "After The Restore" }) { id } }');
  });
});

function graphqlAt(url: string, token: string) {
  return async (query: string): Promise<any> => {
    const response = await fetch(`${url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ query }),
    });
    const body = (await response.json()) as { data?: any; errors?: unknown[] };
    if (body.errors?.length || !body.data) throw new Error(`GraphQL errors: ${JSON.stringify(body.errors)}`);
    return body.data;
  };
}

function open(path: string): Promise<sqlite3.Database> {
  return new Promise((resolve, reject) => {
    const database: sqlite3.Database = new sqlite3.Database(path, (error) => (error ? reject(error) : resolve(database)));
  });
}

function all<T = Record<string, unknown>>(database: sqlite3.Database, sql: string): Promise<T[]> {
  return new Promise((resolve, reject) => database.all(sql, (error, rows) => (error ? reject(error) : resolve(rows as T[]))));
}

function close(database: sqlite3.Database): Promise<void> {
  return new Promise((resolve, reject) => database.close((error) => (error ? reject(error) : resolve())));
}
