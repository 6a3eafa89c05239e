import { createHash, randomBytes } from 'node:crypto';
import ICAL from 'ical.js';
import { DataSource } from 'typeorm';
import { Agenda } from '../../src/calendar/agenda.entity';
import { Lectern, startLectern } from '../support/lectern';
import { ConferenceRef, programmeBuilder, SessionRef } from '../support/programme';

const AGENDA = 'token readToken calendar { https webcal } sessions { id }';
const BASE = 'https://lectern.example.org';
const sha256 = (token: string) => createHash('sha256').update(token).digest('hex');

/**
 * An agenda's feed address travels (calendar apps, proxies, friends it is shared with): the token
 * in it only reads the agenda. Editing needs the edit token, which no feed and no link carries.
 */
describe('agenda read and edit tokens', () => {
  let lectern: Lectern;
  let conference: ConferenceRef;
  let first: SessionRef;
  let second: SessionRef;

  beforeAll(async () => {
    lectern = await startLectern({ PUBLIC_BASE_URL: BASE });
    const build = programmeBuilder(lectern);
    conference = await build.conference({ published: true });
    first = await build.session(conference, { title: 'Opening', published: true });
    second = await build.session(conference, { title: 'Closing', startsAt: '2030-05-02T15:00:00+02:00', published: true });
  });
  afterAll(() => lectern.close());

  const agendaCall = (operation: string, token: string, sessionId?: string) =>
    lectern.graphql(
      sessionId === undefined
        ? `query ($token: String!) { agenda(token: $token) { ${AGENDA} } }`
        : `mutation ($token: String!, $id: ID!) { ${operation}(token: $token, sessionId: $id) { ${AGENDA} } }`,
      sessionId === undefined ? { token } : { token, id: sessionId },
    );
  const open = async (token: string) =>
    (await lectern.ok(`query ($token: String!) { agenda(token: $token) { ${AGENDA} } }`, { token })).agenda;
  const add = async (token: string, session: SessionRef) => {
    const result = await agendaCall('addToAgenda', token, session.id);
    expect(result.errors).toBeUndefined();
    return result.data.addToAgenda;
  };

  async function feed(token: string) {
    const response = await fetch(`${lectern.url}/calendars/agendas/${token}.ics`);
    const text = await response.text();
    expect(response.status).toBe(200);
    const calendar = new ICAL.Component(ICAL.parse(text));
    return {
      text,
      url: String(calendar.getFirstPropertyValue('url')),
      source: String(calendar.getFirstPropertyValue('source')),
      uids: calendar.getAllSubcomponents('vevent').map((vevent) => new ICAL.Event(vevent).uid),
    };
  }

  it('answers the edit token to keep and a read token, the only one any link or feed carries', async () => {
    const agenda = (await lectern.ok(`mutation { createAgenda { ${AGENDA} } }`)).createAgenda;
    expect(agenda.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(agenda.readToken).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(agenda.readToken).not.toBe(agenda.token);
    expect(agenda.calendar.https).toBe(`${BASE}/calendars/agendas/${agenda.readToken}.ics`);
    expect(JSON.stringify(agenda.calendar)).not.toContain(agenda.token);

    await add(agenda.token, first);
    for (const token of [agenda.readToken, agenda.token]) {
      const { text, url, source, uids } = await feed(token);
      expect(uids).toEqual([`${first.uid}@lectern`]);
      expect(url).toBe(agenda.calendar.https);
      expect(source).toBe(agenda.calendar.https);
      expect(text).not.toContain(agenda.token);
    }
  });

  it('opens the agenda read-only with the read token, and refuses to edit with it, changing nothing', async () => {
    const { token, readToken } = (await lectern.ok(`mutation { createAgenda { ${AGENDA} } }`)).createAgenda;
    await add(token, first);

    const read = await open(readToken);
    expect(read).toEqual({ token: null, readToken, calendar: expect.any(Object), sessions: [{ id: first.id }] });
    expect(read.calendar.https).toContain(readToken);

    for (const [operation, session] of [
      ['addToAgenda', second],
      ['removeFromAgenda', first],
    ] as const) {
      const refused = await agendaCall(operation, readToken, session.id);
      expect(refused.data?.[operation] ?? null).toBeNull();
      expect(refused.errors?.[0].extensions).toMatchObject({ code: 'FORBIDDEN', field: 'token' });
      expect(refused.errors?.[0].message).toBe("token: this is the agenda's read token; editing needs its edit token");
      expect(JSON.stringify(refused)).not.toContain(readToken);
    }
    expect((await open(token)).sessions).toEqual([{ id: first.id }]);
    expect((await feed(readToken)).uids).toEqual([`${first.uid}@lectern`]);
  });

  it('keeps an agenda made before read tokens working by its old token, which becomes its edit token', async () => {
    // As the service made agendas before: one token, only its hash stored.
    const old = randomBytes(32).toString('base64url');
    const dataSource = lectern.app.get(DataSource);
    const now = new Date();
    const { identifiers } = await dataSource.getRepository(Agenda).insert({ tokenHash: sha256(old), createdAt: now, updatedAt: now });
    const id = identifiers[0].id as number;
    const row = () => dataSource.getRepository(Agenda).findOneByOrFail({ id });
    expect((await row()).readTokenHash).toBeNull();

    // The address the old agenda's owner subscribed to still serves the feed; the feed names its read token.
    const before = await feed(old);
    expect(before.uids).toEqual([]);
    expect(before.text).not.toContain(old);
    const readToken = before.url.match(/\/calendars\/agendas\/([A-Za-z0-9_-]{43})\.ics$/)?.[1];
    expect(readToken).toBeDefined();
    expect((await row()).readTokenHash).toBe(sha256(readToken!));

    // The old token still edits, and gives the same read token every time.
    const edited = await add(old, second);
    expect(edited).toMatchObject({ token: old, readToken, sessions: [{ id: second.id }] });
    expect(edited.calendar.https).toBe(before.url);
    expect((await feed(old)).uids).toEqual([`${second.uid}@lectern`]);
    expect((await feed(readToken!)).uids).toEqual([`${second.uid}@lectern`]);
    expect((await open(readToken!)).token).toBeNull();
    expect((await agendaCall('removeFromAgenda', readToken!, second.id)).errors?.[0].extensions).toMatchObject({ code: 'FORBIDDEN' });
    expect((await open(old)).sessions).toEqual([{ id: second.id }]);
  });

  it('gives an old agenda its read token on any first use of its edit token, a GraphQL call too', async () => {
    const old = randomBytes(32).toString('base64url');
    const repository = lectern.app.get(DataSource).getRepository(Agenda);
    const now = new Date();
    await repository.insert({ tokenHash: sha256(old), createdAt: now, updatedAt: now });
    const { readToken, calendar } = await open(old);
    expect((await repository.findOneByOrFail({ tokenHash: sha256(old) })).readTokenHash).toBe(sha256(readToken));
    expect(calendar.https).toContain(readToken);
    expect((await open(readToken)).readToken).toBe(readToken);
  });

  it('stores only the hashes of both tokens', async () => {
    const { token, readToken } = (await lectern.ok(`mutation { createAgenda { ${AGENDA} } }`)).createAgenda;
    await add(token, first);
    const dataSource = lectern.app.get(DataSource);
    const tables = [...new Set([...dataSource.entityMetadatas.map((metadata) => metadata.tableName), 'migrations'])];
    let everything = '';
    for (const table of tables) everything += JSON.stringify(await dataSource.query(`SELECT * FROM "${table}"`));
    expect(everything).not.toContain(token);
    expect(everything).not.toContain(readToken);
    expect(await dataSource.getRepository(Agenda).countBy({ tokenHash: sha256(token), readTokenHash: sha256(readToken) })).toBe(1);
  });
});
