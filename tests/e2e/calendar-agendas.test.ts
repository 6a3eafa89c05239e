import { createHash } from 'node:crypto';
import ICAL from 'ical.js';
import { DataSource } from 'typeorm';
import { PUBLIC_MUTATION } from '../../src/auth/public-mutation.decorator';
import { Agenda } from '../../src/calendar/agenda.entity';
import { AgendaResolver } from '../../src/calendar/agenda.resolver';
import { DemoLoader } from '../../src/demo/demo-loader.service';
import { Lectern, startLectern } from '../support/lectern';

const AGENDA = 'token readToken calendar { https webcal } sessions { id uid title }';

describe('personal agendas', () => {
  let lectern: Lectern;
  /** Demo sessions by title: the Oslo panel and the Internetdagarna talk, in two zones. */
  const ids: Record<string, { id: string; uid: string }> = {};

  beforeAll(async () => {
    lectern = await startLectern();
    await lectern.app.get(DemoLoader).load();
    for (const slug of ['teknologi-og-politikk-2020', 'internetdagarna-2020']) {
      const data = await lectern.ok(`{ sessions(conferenceSlug: "${slug}") { edges { node { id uid } } } }`);
      ids[slug] = data.sessions.edges[0].node;
    }
  });
  afterAll(() => lectern.close());

  const create = async () => (await lectern.ok(`mutation { createAgenda { ${AGENDA} } }`)).createAgenda;
  const add = async (token: string, sessionId: string) =>
    (
      await lectern.ok(`mutation ($token: String!, $id: ID!) { addToAgenda(token: $token, sessionId: $id) { ${AGENDA} } }`, {
        token,
        id: sessionId,
      })
    ).addToAgenda;
  const remove = async (token: string, sessionId: string) =>
    (
      await lectern.ok(`mutation ($token: String!, $id: ID!) { removeFromAgenda(token: $token, sessionId: $id) { ${AGENDA} } }`, {
        token,
        id: sessionId,
      })
    ).removeFromAgenda;

  async function feed(url: string) {
    const response = await fetch(url.replace(/^http:\/\/localhost:\d+/, lectern.url));
    const text = await response.text();
    const events =
      response.status === 200
        ? new ICAL.Component(ICAL.parse(text)).getAllSubcomponents('vevent').map((vevent) => new ICAL.Event(vevent))
        : [];
    return { response, text, events };
  }

  it('starts empty, with a long random token and the feed address that holds its read token, for anyone without an account', async () => {
    const agenda = await create();
    expect(agenda.token).toMatch(/^[A-Za-z0-9_-]{43}$/); // 256 bits, base64url
    expect(agenda.token).not.toBe((await create()).token);
    expect(agenda.sessions).toEqual([]);
    expect(agenda.calendar.https).toMatch(new RegExp(`/calendars/agendas/${agenda.readToken}\\.ics$`));
    expect(agenda.calendar.webcal).toBe(agenda.calendar.https.replace(/^https?:/, 'webcal:'));
    const { response, events } = await feed(agenda.calendar.https);
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toMatch(/^private\b/);
    expect(events).toHaveLength(0);
  });

  it('adds and removes sessions, in the list and in the feed at the next request', async () => {
    const { token, calendar } = await create();
    const oslo = ids['teknologi-og-politikk-2020'];
    const stockholm = ids['internetdagarna-2020'];
    await add(token, stockholm.id);
    const both = await add(token, oslo.id);
    expect(both.sessions.map((s: any) => s.id)).toEqual([oslo.id, stockholm.id]); // August before November
    expect((await add(token, oslo.id)).sessions).toHaveLength(2); // adding again changes nothing

    let { events, text } = await feed(calendar.https);
    expect(events.map((e) => e.uid)).toEqual([`${oslo.uid}@lectern`, `${stockholm.uid}@lectern`]);
    expect(new Date(events[0].startDate.toUnixTime() * 1000).toISOString()).toBe('2020-08-19T08:00:00.000Z');
    expect(new Date(events[1].startDate.toUnixTime() * 1000).toISOString()).toBe('2020-11-24T09:00:00.000Z');
    expect(text).toContain('TZID:Europe/Oslo');
    expect(text).toContain('TZID:Europe/Stockholm');

    const read = await lectern.ok(`query ($token: String!) { agenda(token: $token) { ${AGENDA} } }`, { token });
    expect(read.agenda.sessions.map((s: any) => s.title)).toEqual([
      'Innovasjon i privat og offentlig sektor',
      'Innovation i samhällets tjänst',
    ]);

    expect((await remove(token, oslo.id)).sessions.map((s: any) => s.id)).toEqual([stockholm.id]);
    expect((await remove(token, oslo.id)).sessions).toHaveLength(1); // removing again changes nothing
    ({ events } = await feed(calendar.https));
    expect(events.map((e) => e.uid)).toEqual([`${stockholm.uid}@lectern`]);
  });

  it('keeps each agenda to itself', async () => {
    const mine = await create();
    const yours = await create();
    await add(mine.token, ids['internetdagarna-2020'].id);
    expect((await feed(yours.calendar.https)).events).toHaveLength(0);
  });

  it('takes published sessions only, and drops one that is unpublished later', async () => {
    const { token, calendar } = await create();
    const { conference } = await lectern.ok(`{ conference(slug: "internetdagarna-2020") { id } }`);
    const draft = (
      await lectern.ok(
        `mutation { createSession(input: { conferenceId: "${conference.id}", title: [{ locale: "sv", text: "Utkast" }], format: TALK, language: "sv", startsAt: "2020-11-24T13:00:00+01:00", endsAt: "2020-11-24T14:00:00+01:00" }) { id } }`,
        {},
        { as: 'organiser' },
      )
    ).createSession;
    const refused = await lectern.graphql(`mutation { addToAgenda(token: "${token}", sessionId: "${draft.id}") { token } }`);
    expect(refused.errors?.[0].extensions).toMatchObject({ code: 'NOT_FOUND', field: 'sessionId' });

    await lectern.ok(`mutation { publishSession(id: "${draft.id}") { id } }`, {}, { as: 'organiser' });
    await add(token, draft.id);
    expect((await feed(calendar.https)).events).toHaveLength(1);
    await lectern.ok(`mutation { unpublishSession(id: "${draft.id}") { id } }`, {}, { as: 'organiser' });
    expect((await feed(calendar.https)).events).toHaveLength(0);
    expect((await lectern.ok(`{ agenda(token: "${token}") { sessions { id } } }`)).agenda.sessions).toEqual([]);
  });

  it('answers a wrong token with NOT_FOUND or 404, and never repeats it', async () => {
    const { token } = await create();
    const wrong = token.slice(0, -1) + (token.endsWith('A') ? 'B' : 'A');
    for (const guess of [wrong, 'short', '../../etc/passwd']) {
      for (const query of [
        `query ($token: String!) { agenda(token: $token) { token } }`,
        `mutation ($token: String!) { addToAgenda(token: $token, sessionId: "${ids['internetdagarna-2020'].id}") { token } }`,
        `mutation ($token: String!) { removeFromAgenda(token: $token, sessionId: "${ids['internetdagarna-2020'].id}") { token } }`,
      ]) {
        const result = await lectern.graphql(query, { token: guess });
        expect(result.errors?.[0].extensions).toMatchObject({ code: 'NOT_FOUND', field: 'token' });
        expect(JSON.stringify(result)).not.toContain(guess);
      }
      const { response, text } = await feed(`${lectern.url}/calendars/agendas/${encodeURIComponent(guess)}.ics`);
      expect(response.status).toBe(404);
      expect(response.headers.get('content-type')).toBe('text/plain; charset=utf-8');
      expect(text).not.toContain(guess);
    }
  });

  it("stores only the token's SHA-256 hash: the token itself is nowhere in the database", async () => {
    const { token } = await create();
    await add(token, ids['internetdagarna-2020'].id);
    const dataSource = lectern.app.get(DataSource);
    const tables = [...new Set([...dataSource.entityMetadatas.map((metadata) => metadata.tableName), 'migrations'])];
    let everything = '';
    for (const table of tables) everything += JSON.stringify(await dataSource.query(`SELECT * FROM "${table}"`));
    expect(everything).not.toContain(token);
    const hash = createHash('sha256').update(token).digest('hex');
    expect(await dataSource.getRepository(Agenda).countBy({ tokenHash: hash })).toBe(1);
  });

  it("declares its mutations public, apart from the organisers'", () => {
    for (const mutation of ['createAgenda', 'addToAgenda', 'removeFromAgenda'] as const) {
      expect(Reflect.getMetadata(PUBLIC_MUTATION, AgendaResolver.prototype[mutation])).toBe(true);
    }
  });
});
