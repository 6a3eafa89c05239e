import { randomInt } from 'node:crypto';
import { requiringServices } from '../support/environment';
import { Lectern, startLectern } from '../support/lectern';

/**
 * Two servers on the PostgreSQL database DATABASE_URL names and one Redis, as behind a load
 * balancer: a client has one allowance of public requests and one of wrong tokens, whichever
 * instance each request reaches.
 */
requiringServices('rate limits across instances', () => {
  const settings = {
    REDIS_PREFIX: `lectern-rate-limits-instances-test:${process.pid}:${Date.now()}`,
    RATE_LIMIT: 'on',
    RATE_LIMIT_PER_MINUTE: '4',
    FAILED_TOKEN_ATTEMPTS_PER_MINUTE: '3',
  };
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

  /** A client of its own (the servers believe X-Forwarded-For from loopback), so runs and tests never share a count. */
  const client = () => `10.${randomInt(0, 255)}.${randomInt(0, 255)}.${randomInt(1, 255)}`;
  const request = (on: Lectern, from: string, authorization?: string) =>
    fetch(`${on.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-forwarded-for': from, ...(authorization ? { authorization } : {}) },
      body: JSON.stringify({ query: '{ __typename }' }),
    });

  it('counts public requests to either instance against one allowance', async () => {
    const from = client();
    const statuses = [];
    for (const on of [a, b, a, b, a]) statuses.push((await request(on, from)).status);
    expect(statuses).toEqual([200, 200, 200, 200, 429]);
    expect((await request(b, from)).status).toBe(429);
  });

  it('counts wrong tokens sent to either instance against one limit', async () => {
    const from = client();
    const statuses = [];
    for (const on of [a, b, a, b]) statuses.push((await request(on, from, 'Bearer lct_wrong')).status);
    expect(statuses).toEqual([401, 401, 401, 429]);
    const refused = await request(a, from, 'Bearer lct_wrong');
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
    // A valid token still gets in from the same client.
    expect((await request(a, from, `Bearer ${a.adminToken}`)).status).toBe(200);
  });
});
