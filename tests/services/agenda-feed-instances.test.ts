import ICAL from 'ical.js';
import * as renderer from '../../src/calendar/feed-renderer';
import { requiringServices } from '../support/environment';
import { Lectern, startLectern } from '../support/lectern';
import { ConferenceRef, programmeBuilder, SessionRef } from '../support/programme';

/**
 * Two servers in this process on the PostgreSQL database DATABASE_URL names and one Redis, as
 * behind a load balancer: an agenda written on one is current in its feed on the other at once,
 * and neither builds a programme feed again for it. Builds are counted on the renderer, which
 * both servers share here.
 */
requiringServices('agenda feeds across instances', () => {
  // Another run of this test (or a server on the same database) must not hear this run's changes.
  const settings = { REDIS_PREFIX: `lectern-agenda-instances-test:${process.pid}:${Date.now()}`, RATE_LIMIT: 'off' };
  let a: Lectern;
  let b: Lectern;
  let conference: ConferenceRef;
  let talk: SessionRef;
  let renders: jest.SpyInstance<Buffer, Parameters<typeof renderer.assembleFeed>>;

  beforeAll(async () => {
    a = await startLectern(settings);
    b = await startLectern(settings);
    const build = programmeBuilder(a);
    conference = await build.conference({ published: true });
    talk = await build.session(conference, { title: 'Keynote', published: true });
    renders = jest.spyOn(renderer, 'assembleFeed');
  });
  afterAll(async () => {
    renders?.mockRestore();
    await b?.close();
    await a?.close();
  });

  const builtSince = (from: number, path: string) => renders.mock.calls.slice(from).filter(([feed]) => feed.url.includes(path)).length;

  async function feed(on: Lectern, path: string, headers: Record<string, string> = {}) {
    const response = await fetch(`${on.url}${path}`, { headers });
    const body = await response.text();
    const events =
      response.status === 200
        ? new ICAL.Component(ICAL.parse(body)).getAllSubcomponents('vevent').map((vevent) => new ICAL.Event(vevent))
        : [];
    return { status: response.status, etag: response.headers.get('etag'), body, uids: events.map((event) => event.uid) };
  }

  const agendaMutation = (on: Lectern, operation: 'addToAgenda' | 'removeFromAgenda', token: string) =>
    on.ok(`mutation ($token: String!, $id: ID!) { ${operation}(token: $token, sessionId: $id) { token } }`, { token, id: talk.id });

  it("shows on B, right after A's agenda write answered, the agenda's change, and builds no programme feed for it", async () => {
    const programme = `/calendars/conferences/${conference.slug}.ics`;
    const warm = await feed(b, programme);
    expect(warm.uids).toEqual([`${talk.uid}@lectern`]);
    const start = renders.mock.calls.length;

    const { token, calendar } = (await a.ok('mutation { createAgenda { token calendar { https } } }')).createAgenda;
    const agenda = new URL(calendar.https).pathname;
    const empty = await feed(b, agenda);
    expect(empty.uids).toEqual([]);

    // A calendar app revalidating its copy on B: B must not answer 304 for what A has just changed.
    await agendaMutation(a, 'addToAgenda', token);
    const added = await feed(b, agenda, { 'if-none-match': empty.etag! });
    expect(added.status).toBe(200);
    expect(added.uids).toEqual([`${talk.uid}@lectern`]);

    // And the other way round.
    await feed(a, agenda);
    await agendaMutation(b, 'removeFromAgenda', token);
    const removed = await feed(a, agenda, { 'if-none-match': added.etag! });
    expect(removed.status).toBe(200);
    expect(removed.uids).toEqual([]);

    const after = await feed(b, programme);
    expect([after.etag, after.body]).toEqual([warm.etag, warm.body]);
    expect((await feed(b, programme, { 'if-none-match': warm.etag! })).status).toBe(304);
    expect(builtSince(start, '/calendars/conferences/')).toBe(0);
  });

  it("still builds B's programme feed again after a programme change on A", async () => {
    const programme = `/calendars/conferences/${conference.slug}.ics`;
    const before = await feed(b, programme);
    await a.ok(
      `mutation ($id: ID!) { updateSession(id: $id, input: { title: [{ locale: "en", text: "Opening keynote" }] }) { id } }`,
      { id: talk.id },
      { as: 'organiser' },
    );
    const after = await feed(b, programme, { 'if-none-match': before.etag! });
    expect(after.status).toBe(200);
    expect(after.body).toContain('Opening keynote');
  });
});
