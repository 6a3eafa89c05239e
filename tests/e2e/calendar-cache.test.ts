import ICAL from 'ical.js';
import { SqlLogger } from '../../src/database/sql-logger';
import { Lectern, startLectern } from '../support/lectern';
import { ConferenceRef, programmeBuilder, SessionRef } from '../support/programme';

describe('the feed cache', () => {
  let lectern: Lectern;
  let conference: ConferenceRef;
  let session: SessionRef;

  /** A published conference with two published sessions, one with a speaker. */
  beforeAll(async () => {
    lectern = await startLectern();
    const build = programmeBuilder(lectern);
    conference = await build.conference({ timeZone: 'Europe/Stockholm', defaultLocale: 'sv', published: true });
    session = await build.session(conference, { title: 'Öppning', speakers: [await build.speaker()], published: true });
    await build.session(conference, { title: 'Avslutning', startsAt: '2030-05-02T15:00:00+02:00', published: true });
  });
  afterAll(() => lectern.close());

  const feedStatements = async () => {
    const before = SqlLogger.statements;
    const response = await fetch(`${lectern.url}/calendars/conferences/${conference.slug}.ics`);
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

    await lectern.ok(`mutation { updateSession(id: "${session.id}", input: { notes: "Moved" }) { id } }`, {}, { as: 'organiser' });
    expect(await feedStatements()).toBeGreaterThan(0);
  });

  it("never sends a Last-Modified later than the answer's Date, however fast the programme changes", async () => {
    const path = `${lectern.url}/calendars/conferences/${conference.slug}.ics?locale=sv`;
    let previous: Response | undefined;
    for (let version = 1; version <= 8; version++) {
      await lectern.ok(
        `mutation { updateSession(id: "${session.id}", input: { title: [{ locale: "sv", text: "Version ${version}" }] }) { id } }`,
        {},
        { as: 'organiser' },
      );
      const response = await fetch(path);
      expect(await response.text()).toContain(`SUMMARY:Version ${version}`);
      const [lastModified, date] = [response.headers.get('last-modified'), response.headers.get('date')].map((value) => Date.parse(value!));
      expect(lastModified).toBeLessThanOrEqual(date);
      // A client that revalidates by date with the previous version's Last-Modified gets this one.
      if (previous) {
        const since = await fetch(path, { headers: { 'if-modified-since': previous.headers.get('last-modified')! } });
        expect(since.status).toBe(200);
        expect(Date.parse(since.headers.get('last-modified')!)).toBeLessThanOrEqual(Date.parse(since.headers.get('date')!));
      }
      previous = response;
    }
  });

  it('answers revalidation 304 with the same headers as a full answer, and never 304 once the programme changed', async () => {
    const path = `${lectern.url}/calendars/conferences/${conference.slug}.ics?locale=en`;
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

    await lectern.ok(
      `mutation { updateSession(id: "${session.id}", input: { title: [{ locale: "en", text: "Renamed for the revalidation test" }] }) { id } }`,
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
