import { SqlLogger } from '../../src/database/sql-logger';
import { DemoLoader } from '../../src/demo/demo-loader.service';
import { Lectern, startLectern } from '../support/lectern';

describe('the feed cache', () => {
  let lectern: Lectern;
  beforeAll(async () => {
    lectern = await startLectern();
    await lectern.app.get(DemoLoader).load();
  });
  afterAll(() => lectern.close());

  const feedStatements = async () => {
    const before = SqlLogger.statements;
    const response = await fetch(`${lectern.url}/calendars/conferences/umea-jobbhackathon-2016.ics`);
    expect(response.status).toBe(200);
    await response.text();
    return SqlLogger.statements - before;
  };

  it('serves a warm feed without the database, and an organiser\'s token use does not cool it', async () => {
    const token = await lectern.organiserToken([]);
    expect(await feedStatements()).toBeGreaterThan(0);
    expect(await feedStatements()).toBe(0);

    // Any organiser request records when its token was last used: bookkeeping, not a programme change.
    await lectern.ok('{ me { name } }', {}, { token });
    expect(await feedStatements()).toBe(0);

    const session = (await lectern.ok('{ sessions(conferenceSlug: "umea-jobbhackathon-2016", first: 1) { edges { node { id } } } }')).sessions.edges[0].node.id;
    await lectern.ok(`mutation { updateSession(id: "${session}", input: { notes: "Moved" }) { id } }`, {}, { as: 'organiser' });
    expect(await feedStatements()).toBeGreaterThan(0);
  });
});
