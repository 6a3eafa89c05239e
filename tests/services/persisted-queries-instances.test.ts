import { createHash, randomUUID } from 'node:crypto';
import { PERSISTED_QUERY_TTL_SECONDS } from '../../src/http/persisted-queries';
import { RedisConnections } from '../../src/live/redis-connections';
import { requiringServices } from '../support/environment';
import { Lectern, startLectern } from '../support/lectern';

/**
 * Two servers on the PostgreSQL database DATABASE_URL names and one Redis, as behind a load
 * balancer: an automatic persisted query registered through one is found by its hash alone on
 * the other. And with a Redis that does not answer, each server keeps what it was told itself,
 * and a client whose hash is unknown registers it again, as the protocol has it.
 */
requiringServices('automatic persisted queries across instances', () => {
  // Another run of this test (or a server on the same database) must not share this run's queries.
  const prefix = `lectern-persisted-queries-test:${process.pid}:${Date.now()}`;
  const settings = { REDIS_PREFIX: prefix, RATE_LIMIT: 'off' };
  let a: Lectern;
  let b: Lectern;

  beforeAll(async () => {
    a = await startLectern(settings);
    b = await startLectern(settings);
  });
  afterAll(async () => {
    await b?.close();
    await a?.close();
  });

  /** A query no server has seen: its hash is new to Redis too. */
  function newQuery() {
    const query = `query Count${randomUUID().replace(/-/g, '')} { conferences { totalCount } }`;
    return { query, hash: createHash('sha256').update(query).digest('hex') };
  }

  async function post(on: Lectern, hash: string, query?: string) {
    const response = await fetch(`${on.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ ...(query ? { query } : {}), extensions: { persistedQuery: { version: 1, sha256Hash: hash } } }),
    });
    return { status: response.status, body: (await response.json()) as { data?: any; errors?: any[] } };
  }

  const notFound = { message: 'PersistedQueryNotFound', extensions: { code: 'PERSISTED_QUERY_NOT_FOUND' } };
  const answered = { status: 200, body: { data: { conferences: { totalCount: 0 } } } };

  it('finds on B, by its hash alone, a query registered through A', async () => {
    const { query, hash } = newQuery();
    const unknown = await post(a, hash);
    expect(unknown.body.errors).toEqual([notFound]);
    expect(unknown.body.data).toBeUndefined();

    expect(await post(a, hash, query)).toEqual(answered);
    expect(await post(b, hash)).toEqual(answered);
    expect(await post(a, hash)).toEqual(answered);
  });

  it("keeps the query in Redis in the instances' namespace, for a day at most", async () => {
    const { query, hash } = newQuery();
    await post(b, hash, query);
    const redis = a.app.get(RedisConnections).client!;
    expect(await redis.get(`${prefix}:persisted-query:${hash}`)).toBe(query);
    const ttl = await redis.ttl(`${prefix}:persisted-query:${hash}`);
    expect(ttl).toBeGreaterThan(0);
    expect(ttl).toBeLessThanOrEqual(PERSISTED_QUERY_TTL_SECONDS);
  });

  it('does not keep a query whose text fails validation', async () => {
    const query = `query Broken${randomUUID().replace(/-/g, '')} { nope }`;
    const hash = createHash('sha256').update(query).digest('hex');
    expect((await post(a, hash, query)).body.errors?.[0].message).toContain('nope');
    expect((await post(b, hash)).body.errors).toEqual([notFound]);
    expect(await a.app.get(RedisConnections).client!.exists(`${prefix}:persisted-query:${hash}`)).toBe(0);
  });

  describe('while Redis does not answer', () => {
    // Nothing listens on port 1; the shared Redis is left alone.
    const unreachable = { ...settings, REDIS_URL: 'redis://127.0.0.1:1', REDIS_PREFIX: `${prefix}:unreachable` };
    let c: Lectern;
    let d: Lectern;
    beforeAll(async () => {
      c = await startLectern(unreachable);
      d = await startLectern(unreachable);
    });
    afterAll(async () => {
      await d?.close();
      await c?.close();
    });

    it('answers persisted queries from what each instance was told itself', async () => {
      const { query, hash } = newQuery();
      expect((await post(c, hash)).body.errors).toEqual([notFound]);
      expect(await post(c, hash, query)).toEqual(answered);
      expect(await post(c, hash)).toEqual(answered);

      // D was not told: the client registers the query there again, and is answered.
      expect((await post(d, hash)).body.errors).toEqual([notFound]);
      expect(await post(d, hash, query)).toEqual(answered);
      expect(await post(d, hash)).toEqual(answered);
    });
  });
});
