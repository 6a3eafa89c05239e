import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnLectern } from '../support/child-lectern';
import { Lectern, startLectern } from '../support/lectern';
import { ENGINE } from '../support/environment';

jest.setTimeout(120_000);

describe('GET /health', () => {
  let lectern: Lectern;
  beforeAll(async () => (lectern = await startLectern()));
  afterAll(() => lectern.close());

  it('answers 200 with the database up, and Redis up when there is one', async () => {
    const response = await fetch(`${lectern.url}/health`);
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('no-store');
    const body = (await response.json()) as any;
    expect(body).toEqual(expect.objectContaining({ status: 'ok', info: expect.objectContaining({ database: { status: 'up' } }) }));
    if (ENGINE.redisUrl) expect(body.info.redis).toEqual({ status: 'up' });
    else expect(body.info.redis).toBeUndefined();
  });
});

describe('GET /health with Redis unreachable', () => {
  it('answers 503 naming Redis as down, and the database as up', async () => {
    const directory = mkdtempSync(join(tmpdir(), 'lectern-health-'));
    // Nothing listens on port 1; the shared Redis is left alone.
    const lectern = await spawnLectern({
      DATABASE_URL: '',
      SQLITE_PATH: join(directory, 'lectern.sqlite'),
      REDIS_URL: 'redis://127.0.0.1:1',
      LOG_LEVEL: 'error',
    });
    try {
      const response = await fetch(`${lectern.url}/health`);
      expect(response.status).toBe(503);
      const body = (await response.json()) as any;
      expect(body.status).toBe('error');
      expect(body.details.database).toEqual({ status: 'up' });
      expect(body.details.redis.status).toBe('down');

      // Feeds and queries still answer without Redis, only uncached.
      expect((await fetch(`${lectern.url}/graphql?query=%7B__typename%7D`)).status).toBe(200);
    } finally {
      expect(await lectern.stop()).toBe(0);
      rmSync(directory, { recursive: true, force: true });
    }
  });
});
