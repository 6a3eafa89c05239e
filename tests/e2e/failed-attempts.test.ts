import { Lectern, startLectern } from '../support/lectern';
import { acknowledged, withHeaders } from '../support/subscriptions';
import { FailedAttempts } from '../../src/auth/failed-attempts';

/**
 * The limit on wrong tokens (FAILED_TOKEN_ATTEMPTS_PER_MINUTE) counts each client, whatever it
 * sends them over, and keeps its count however many other clients fail meanwhile. Clients are
 * told apart by X-Forwarded-For, which the server believes from loopback (TRUST_PROXY's default).
 * Across instances: tests/services/rate-limits-instances.test.ts.
 */
describe('failed token attempts', () => {
  let lectern: Lectern;
  beforeAll(async () => {
    lectern = await startLectern({ FAILED_TOKEN_ATTEMPTS_PER_MINUTE: '5', RATE_LIMIT: 'off' });
  });
  afterAll(() => lectern.close());

  const wrongToken = async (from: string) =>
    (
      await fetch(`${lectern.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: 'Bearer lct_wrong', 'x-forwarded-for': from },
        body: JSON.stringify({ query: '{ me { name } }' }),
      })
    ).status;

  /** Sends a wrong token from each address, a hundred at a time; answers the statuses in order. */
  const wrongTokensFrom = async (addresses: string[]) => {
    const statuses: number[] = [];
    for (let next = 0; next < addresses.length; next += 100) {
      statuses.push(...(await Promise.all(addresses.slice(next, next + 100).map(wrongToken))));
    }
    return statuses;
  };

  /** One after the other: which attempt is over the limit depends on the order they are counted in. */
  const oneByOne = async (addresses: string[]) => {
    const statuses: number[] = [];
    for (const address of addresses) statuses.push(await wrongToken(address));
    return statuses;
  };

  it("keeps refusing a client while 10,001 other addresses fail, rather than forgetting everyone's count", async () => {
    const attacker = '203.0.113.7';
    expect(await oneByOne(Array(6).fill(attacker))).toEqual([401, 401, 401, 401, 401, 429]);

    // A hundred of the others over HTTP; the rest are counted straight into the server's own
    // counter, as each of their requests would be, so that all of it fits in the attacker's minute
    // however busy the machine is (over HTTP alone it took 12 s idle, over 60 s under a full CI).
    const others = Array.from({ length: 10_001 }, (_, i) => `10.${(i >> 16) & 255}.${(i >> 8) & 255}.${i & 255}`);
    const statuses = await wrongTokensFrom(others.slice(0, 100));
    expect(statuses.every((status) => status === 401)).toBe(true);
    const counter = lectern.app.get(FailedAttempts);
    for (let next = 100; next < others.length; next += 500) {
      const tallies = await Promise.all(others.slice(next, next + 500).map((address) => counter.count(address)));
      expect(tallies.every((tally) => tally.attempts === 1)).toBe(true);
    }

    expect(await wrongToken(attacker)).toBe(429);
  });

  it('counts the addresses of one IPv6 /64 as one client', async () => {
    const addresses = Array.from({ length: 6 }, (_, i) => `2001:db8:7:8:${i.toString(16)}::${(i + 1).toString(16)}`);
    expect(await oneByOne(addresses)).toEqual([401, 401, 401, 401, 401, 429]);
    expect(await wrongToken('2001:db8:7:9::1')).toBe(401);
  });

  it('counts wrong tokens sent at connection_init over WebSocket with those sent over HTTP', async () => {
    const from = '198.51.100.23';
    /** A graphql-ws client whose upgrade request comes from `from`; resolves whether the server acknowledged it. */
    const connectWith = (authorization: string) => acknowledged(lectern.url, authorization, withHeaders({ 'x-forwarded-for': from }));
    for (let i = 0; i < 3; i++) expect(await connectWith('Bearer lct_wrong')).toBe(false);
    expect(await oneByOne([from, from, from])).toEqual([401, 401, 429]);
    // A valid token still gets in, from the same address, over either.
    expect(await connectWith(`Bearer ${lectern.adminToken}`)).toBe(true);
  });
});
