import { serverAudits } from 'graphql-http';
import { Lectern, startLectern } from '../support/lectern';

/**
 * graphql-http's audit of the GraphQL-over-HTTP specification against a running Lectern, in
 * strict mode: a SHOULD that is not followed counts as a failure, as a MUST does. Each audit is
 * its own test, so a failure names the audit and says why.
 */
describe('the GraphQL-over-HTTP audit (graphql-http)', () => {
  let lectern: Lectern;
  beforeAll(async () => {
    lectern = await startLectern({ RATE_LIMIT: 'off' });
  });
  afterAll(() => lectern.close());

  const audits = serverAudits({ url: () => `${lectern.url}/graphql`, fetchFn: fetch });

  it('has audits to run', () => {
    expect(audits.length).toBeGreaterThan(50);
  });

  it.each(audits.map((audit) => [audit.name, audit] as const))('%s', async (_name, audit) => {
    const result = await audit.fn();
    const failure = result.status === 'ok' ? 'ok' : `${result.status}: ${result.name}: ${result.reason}`;
    expect(failure).toBe('ok');
  });
});
