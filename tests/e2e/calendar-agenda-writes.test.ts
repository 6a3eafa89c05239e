import ICAL from 'ical.js';
import * as renderer from '../../src/calendar/feed-renderer';
import { Lectern, startLectern } from '../support/lectern';
import { rowId } from '../support/ids';
import { ConferenceRef, programmeBuilder, SessionRef } from '../support/programme';

/**
 * Anyone may create agendas and change them, hundreds of times a minute: none of that may make the
 * programme's feeds cold (a large one costs real CPU to build), while an agenda's own feed still
 * shows its changes at the next request. Builds are counted on the renderer itself.
 */
describe('agenda writes and the feed cache', () => {
  let lectern: Lectern;
  let conference: ConferenceRef;
  let talk: SessionRef;
  let renders: jest.SpyInstance<Buffer, Parameters<typeof renderer.assembleFeed>>;

  beforeAll(async () => {
    lectern = await startLectern({ RATE_LIMIT: 'off' });
    const build = programmeBuilder(lectern);
    conference = await build.conference({ published: true });
    talk = await build.session(conference, { title: 'Keynote', published: true });
    await build.session(conference, { title: 'Workshop', startsAt: '2030-05-01T13:00:00+02:00', published: true });
    renders = jest.spyOn(renderer, 'assembleFeed');
  });
  afterAll(async () => {
    renders.mockRestore();
    await lectern.close();
  });

  /** Feeds built since `from`, by the address they name, programme or agenda. */
  const builtSince = (from: number, path: string) => renders.mock.calls.slice(from).filter(([feed]) => feed.url.includes(path)).length;

  async function feed(path: string, headers: Record<string, string> = {}) {
    const response = await fetch(`${lectern.url}${path}`, { headers });
    const body = await response.text();
    const uids =
      response.status === 200
        ? new ICAL.Component(ICAL.parse(body)).getAllSubcomponents('vevent').map((vevent) => new ICAL.Event(vevent).uid)
        : [];
    return { status: response.status, etag: response.headers.get('etag'), lastModified: response.headers.get('last-modified'), body, uids };
  }

  /** A new agenda: its edit token, and the path of its feed as its `calendar` link gives it. */
  const createAgenda = async (): Promise<{ token: string; path: string }> => {
    const { token, calendar } = (await lectern.ok('mutation { createAgenda { token calendar { https } } }')).createAgenda;
    return { token, path: new URL(calendar.https).pathname };
  };

  const agendaMutation = (operation: 'addToAgenda' | 'removeFromAgenda', token: string, sessionId: string) =>
    lectern.ok(`mutation ($token: String!, $id: ID!) { ${operation}(token: $token, sessionId: $id) { token } }`, { token, id: sessionId });

  it("leaves a warm programme feed as it is through createAgenda, addToAgenda and removeFromAgenda, while the agenda's own feed follows at once", async () => {
    const programme = `/calendars/conferences/${conference.slug}.ics`;
    const sessionFeed = `/calendars/sessions/${rowId(talk.id)}.ics`;
    const warm = await feed(programme);
    expect(warm.uids).toHaveLength(2);
    await feed(sessionFeed);
    const start = renders.mock.calls.length;

    const { token, path: agendaPath } = await createAgenda();
    const empty = await feed(agendaPath);
    expect(empty.uids).toEqual([]);

    await agendaMutation('addToAgenda', token, talk.id);
    // A calendar app revalidating its copy of the agenda gets the change, not 304.
    const added = await feed(agendaPath, { 'if-none-match': empty.etag! });
    expect(added.status).toBe(200);
    expect(added.uids).toEqual([`${talk.uid}@lectern`]);

    await agendaMutation('removeFromAgenda', token, talk.id);
    const removed = await feed(agendaPath, { 'if-none-match': added.etag! });
    expect(removed.status).toBe(200);
    expect(removed.uids).toEqual([]);

    const after = await feed(programme);
    expect({ etag: after.etag, lastModified: after.lastModified, body: after.body }).toEqual({
      etag: warm.etag,
      lastModified: warm.lastModified,
      body: warm.body,
    });
    expect((await feed(programme, { 'if-none-match': warm.etag! })).status).toBe(304);
    await feed(sessionFeed);
    expect(builtSince(start, '/calendars/conferences/')).toBe(0);
    expect(builtSince(start, '/calendars/sessions/')).toBe(0);
    expect(builtSince(start, '/calendars/agendas/')).toBe(3); // empty, with the keynote, empty again
  });

  it("builds one agenda's feed again for its own change, not another agenda's", async () => {
    const mine = await createAgenda();
    const yours = await createAgenda();
    await agendaMutation('addToAgenda', yours.token, talk.id);
    const yoursBefore = await feed(yours.path);
    await feed(mine.path);
    const start = renders.mock.calls.length;

    await agendaMutation('addToAgenda', mine.token, talk.id);
    expect((await feed(mine.path)).uids).toEqual([`${talk.uid}@lectern`]);
    expect((await feed(yours.path)).etag).toBe(yoursBefore.etag);
    expect(builtSince(start, mine.path)).toBe(1);
    expect(builtSince(start, yours.path)).toBe(0);
  });

  it('still builds every feed again when the programme changes, agendas too', async () => {
    const { token, path: agendaPath } = await createAgenda();
    await agendaMutation('addToAgenda', token, talk.id);
    const programme = `/calendars/conferences/${conference.slug}.ics`;
    await feed(programme);
    await feed(agendaPath);
    const start = renders.mock.calls.length;

    await lectern.ok(
      `mutation ($id: ID!) { updateSession(id: $id, input: { title: [{ locale: "en", text: "Opening keynote" }] }) { id } }`,
      { id: talk.id },
      { as: 'organiser' },
    );
    expect((await feed(programme)).body).toContain('Opening keynote');
    expect((await feed(agendaPath)).body).toContain('Opening keynote');
    expect(builtSince(start, '/calendars/conferences/')).toBe(1);
    expect(builtSince(start, '/calendars/agendas/')).toBe(1);
  });
});
