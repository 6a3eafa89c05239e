import ICAL from 'ical.js';
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

  it("serves a warm feed without the database, and an organiser's token use does not cool it", async () => {
    const token = await lectern.organiserToken([]);
    expect(await feedStatements()).toBeGreaterThan(0);
    expect(await feedStatements()).toBe(0);

    // Any organiser request records when its token was last used: bookkeeping, not a programme change.
    await lectern.ok('{ me { name } }', {}, { token });
    expect(await feedStatements()).toBe(0);

    const session = (await lectern.ok('{ sessions(conferenceSlug: "umea-jobbhackathon-2016", first: 1) { edges { node { id } } } }'))
      .sessions.edges[0].node.id;
    await lectern.ok(`mutation { updateSession(id: "${session}", input: { notes: "Moved" }) { id } }`, {}, { as: 'organiser' });
    expect(await feedStatements()).toBeGreaterThan(0);
  });

  it('answers revalidation 304 with the same headers as a full answer, and never 304 once the programme changed', async () => {
    const path = `${lectern.url}/calendars/conferences/umea-jobbhackathon-2016.ics?locale=en`;
    const first = await fetch(path, { headers: { origin: 'https://example.org' } });
    expect(first.status).toBe(200);
    const etag = first.headers.get('etag')!;

    const before = SqlLogger.statements;
    const unchanged = await fetch(path, { headers: { 'if-none-match': etag, origin: 'https://example.org' } });
    expect(unchanged.status).toBe(304);
    expect(SqlLogger.statements).toBe(before);
    for (const header of [
      'etag',
      'last-modified',
      'cache-control',
      'content-security-policy',
      'x-content-type-options',
      'access-control-allow-origin',
    ]) {
      expect([header, unchanged.headers.get(header)]).toEqual([header, first.headers.get(header)]);
    }

    // A wrong token is refused even when the client's copy is current.
    const wrongToken = await fetch(path, { headers: { 'if-none-match': etag, authorization: 'Bearer lct_wrong' } });
    expect(wrongToken.status).toBe(401);

    const session = (await lectern.ok('{ sessions(conferenceSlug: "umea-jobbhackathon-2016", first: 1) { edges { node { id } } } }'))
      .sessions.edges[0].node.id;
    await lectern.ok(
      `mutation { updateSession(id: "${session}", input: { title: [{ locale: "en", text: "Renamed for the revalidation test" }] }) { id } }`,
      {},
      { as: 'organiser' },
    );
    const changed = await fetch(path, { headers: { 'if-none-match': etag } });
    expect(changed.status).toBe(200);
    expect(changed.headers.get('etag')).not.toBe(etag);
    const events = new ICAL.Component(ICAL.parse(await changed.text()))
      .getAllSubcomponents('vevent')
      .map((vevent) => new ICAL.Event(vevent));
    expect(events.map((event) => event.summary)).toContain('Renamed for the revalidation test');
  });
});
