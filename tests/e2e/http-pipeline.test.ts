import { AuthService } from '../../src/auth/auth.service';
import { TokenService } from '../../src/auth/token.service';
import { Lectern, startLectern } from '../support/lectern';
import { acknowledged } from '../support/subscriptions';

/**
 * The HTTP pipeline decides who a request comes from once; the rate limit, the GraphQL context and
 * the caching of the answer read that decision instead of verifying the token again.
 */
describe('the viewer, decided once per request', () => {
  let lectern: Lectern;
  beforeAll(async () => {
    // The rate limit is on (the default), so its allow-list is among the readers.
    lectern = await startLectern();
  });
  afterAll(() => lectern.close());
  afterEach(() => jest.restoreAllMocks());

  const spies = () => ({
    admit: jest.spyOn(lectern.app.get(AuthService), 'admit'),
    verify: jest.spyOn(lectern.app.get(TokenService), 'verify'),
  });

  it('verifies an organiser token once for a GraphQL request', async () => {
    const { admit, verify } = spies();
    const result = await lectern.graphql('{ me { role } conferences { totalCount } }', {}, { as: 'organiser' });
    expect(result.data?.me.role).toBe('ADMIN');
    expect(result.headers.get('x-ratelimit-limit')).toBeNull();
    expect(admit).toHaveBeenCalledTimes(1);
    expect(verify).toHaveBeenCalledTimes(1);
  });

  it('verifies it once for a query over GET too, whose answer is then kept private', async () => {
    const { admit, verify } = spies();
    const response = await fetch(`${lectern.url}/graphql?query=${encodeURIComponent('{ me { role } }')}`, {
      headers: { authorization: `Bearer ${lectern.adminToken}` },
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('private, no-store');
    expect(admit).toHaveBeenCalledTimes(1);
    expect(verify).toHaveBeenCalledTimes(1);
  });

  it('looks nothing up for a request without a token', async () => {
    const { admit, verify } = spies();
    expect(await lectern.ok('{ conferences { totalCount } }')).toEqual({ conferences: { totalCount: 0 } });
    expect(admit).toHaveBeenCalledTimes(1);
    expect(verify).not.toHaveBeenCalled();
  });

  it('turns a wrong token away after one verification, before the rate limit counts it', async () => {
    const { admit, verify } = spies();
    const response = await fetch(`${lectern.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: 'Bearer lct_wrong' },
      body: JSON.stringify({ query: '{ me { name } }' }),
    });
    expect(response.status).toBe(401);
    expect(response.headers.get('www-authenticate')).toBe('Bearer');
    expect(response.headers.get('x-ratelimit-limit')).toBeNull();
    expect(await response.json()).toEqual({
      data: null,
      errors: [{ message: 'The access token is wrong, expired or revoked.', extensions: { code: 'UNAUTHENTICATED' } }],
    });
    expect(admit).toHaveBeenCalledTimes(1);
    expect(verify).toHaveBeenCalledTimes(1);
  });

  it("admits a subscription's token at connection_init through the same call, for the client's address", async () => {
    const { admit } = spies();
    const connect = (authorization: string) => acknowledged(lectern.url, authorization);
    expect(await connect(`Bearer ${lectern.adminToken}`)).toBe(true);
    expect(await connect('Bearer lct_wrong')).toBe(false);
    const withToken = admit.mock.calls.filter(([authorization]) => authorization !== undefined);
    expect(withToken).toEqual([
      [`Bearer ${lectern.adminToken}`, '127.0.0.1'],
      ['Bearer lct_wrong', '127.0.0.1'],
    ]);
  });
});
