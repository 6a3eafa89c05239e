import ICAL from 'ical.js';
import * as renderer from '../../src/calendar/feed-renderer';
import { APP_CONFIG, AppConfig } from '../../src/config/configuration';
import { rowId } from '../support/ids';
import { Lectern, startLectern } from '../support/lectern';
import { ConferenceRef, programmeBuilder, SessionRef } from '../support/programme';

/**
 * A feed is assembled from one rendered event per session: after a change to one session, the
 * next build of the programme's feed renders that session's event alone, and still serves every
 * event, each as a reader's calendar would read it. Renderings are counted on the renderer itself.
 */
describe('incremental feeds', () => {
  let lectern: Lectern;
  let conference: ConferenceRef;
  const sessions: SessionRef[] = [];
  let renders: jest.SpyInstance<ReturnType<typeof renderer.renderEvent>, Parameters<typeof renderer.renderEvent>>;

  beforeAll(async () => {
    lectern = await startLectern({ RATE_LIMIT: 'off' });
    const build = programmeBuilder(lectern);
    conference = await build.conference({ published: true });
    for (const [i, title] of ['Keynote', 'Panel', 'Workshop', 'Closing'].entries()) {
      sessions.push(await build.session(conference, { title, startsAt: `2030-05-01T${10 + i}:00:00+02:00`, published: true }));
    }
    renders = jest.spyOn(renderer, 'renderEvent');
  });
  afterAll(async () => {
    renders.mockRestore();
    await lectern.close();
  });

  const programme = () => `/calendars/conferences/${conference.slug}.ics`;

  async function feed(path: string) {
    const response = await fetch(`${lectern.url}${path}`);
    expect(response.status).toBe(200);
    const vevents = new ICAL.Component(ICAL.parse(await response.text())).getAllSubcomponents('vevent').map((v) => new ICAL.Event(v));
    return { etag: response.headers.get('etag'), summaries: vevents.map((event) => event.summary).sort(), events: vevents };
  }

  const retitle = (session: SessionRef, text: string) =>
    lectern.ok(
      `mutation ($id: ID!, $title: [LocalisedTextInput!]) { updateSession(id: $id, input: { title: $title }) { id } }`,
      { id: session.id, title: [{ locale: conference.defaultLocale, text }] },
      { as: 'organiser' },
    );

  it('renders only the changed session again, and serves the whole programme with it', async () => {
    const first = await feed(programme());
    expect(first.summaries).toEqual(['Closing', 'Keynote', 'Panel', 'Workshop']);
    const before = renders.mock.calls.length;
    await retitle(sessions[1], 'Panel: open data');

    const after = await feed(programme());
    expect(after.etag).not.toBe(first.etag);
    expect(after.summaries).toEqual(['Closing', 'Keynote', 'Panel: open data', 'Workshop']);
    expect(renders.mock.calls.slice(before).map(([session]) => session.title[conference.defaultLocale])).toEqual(['Panel: open data']);
    const changed = after.events.find((event) => event.summary === 'Panel: open data')!;
    const unchanged = after.events.find((event) => event.summary === 'Keynote')!;
    expect(changed.sequence).toBeGreaterThan(first.events.find((event) => event.summary === 'Panel')!.sequence);
    expect(unchanged.sequence).toBe(first.events.find((event) => event.summary === 'Keynote')!.sequence);
  });

  it("shares events between the feeds that show them: a filtered feed and a session's own feed render nothing new", async () => {
    await feed(programme());
    const before = renders.mock.calls.length;
    await feed(`${programme()}?format=TALK`);
    await feed(`/calendars/sessions/${rowId(sessions[0].id)}.ics`);
    expect(renders.mock.calls.length).toBe(before);
  });

  it('renders each event once more for another locale', async () => {
    const before = renders.mock.calls.length;
    const english = await feed(`${programme()}?locale=en`);
    expect(renders.mock.calls.length - before).toBe(4);
    expect(english.summaries).toHaveLength(4);
  });

  it('follows every kind of change after the programme was read: a room, a speaker, a deletion, a withdrawal', async () => {
    const build = programmeBuilder(lectern);
    const other = await build.conference({ published: true });
    const room = await build.room(other, { name: 'Aula' });
    const speaker = await build.speaker({ name: 'Anna Berg' });
    const talk = await build.session(other, { title: 'Open data', room, speakers: [{ speaker }], published: true });
    const panel = await build.session(other, { title: 'Panel', startsAt: '2030-05-01T14:00:00+02:00', published: true });
    const path = `/calendars/conferences/${other.slug}.ics`;
    const byUid = async () => new Map((await feed(path)).events.map((event) => [event.uid, event]));
    const uid = (session: SessionRef) => `${session.uid}@lectern`;
    await byUid();

    await lectern.ok(
      `mutation ($input: UpdateRoomInput!) { updateRoom(input: $input) { id } }`,
      {
        input: { id: room.id, name: 'Stora salen' },
      },
      { as: 'organiser' },
    );
    expect((await byUid()).get(uid(talk))!.location).toContain('Stora salen');

    await lectern.ok(
      `mutation ($input: UpdateSpeakerInput!) { updateSpeaker(input: $input) { id } }`,
      {
        input: { id: speaker.id, name: 'Anna Berg-Lind' },
      },
      { as: 'organiser' },
    );
    expect((await byUid()).get(uid(talk))!.description).toContain('Anna Berg-Lind');

    await lectern.ok(
      `mutation ($input: DeleteSessionInput!) { deleteSession(input: $input) { id } }`,
      { input: { id: panel.id } },
      { as: 'organiser' },
    );
    const afterDeletion = await byUid();
    expect(afterDeletion.get(uid(panel))!.component.getFirstPropertyValue('status')).toBe('CANCELLED');

    await lectern.ok(`mutation ($id: ID!) { unpublishSession(id: $id) { id } }`, { id: talk.id }, { as: 'organiser' });
    expect((await byUid()).get(uid(talk))!.component.getFirstPropertyValue('status')).toBe('CANCELLED');
  });

  it('serves what a server just started over the same database serves: the ledger it keeps is the one it wrote', async () => {
    await retitle(sessions[2], 'Workshop: maps');
    const paths = [programme(), `/calendars/conferences/${conference.slug}.ics?locale=en`];
    const served = [];
    for (const path of paths) served.push(await (await fetch(`${lectern.url}${path}`)).text());
    const { sqlitePath } = lectern.app.get<AppConfig>(APP_CONFIG);
    const fresh = await startLectern({ RATE_LIMIT: 'off', SQLITE_PATH: sqlitePath });
    try {
      for (const [i, path] of paths.entries()) expect(await (await fetch(`${fresh.url}${path}`)).text()).toBe(served[i]);
    } finally {
      await fresh.close();
    }
  });
});
