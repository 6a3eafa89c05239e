import { ProgrammeChange, ProgrammeEvents } from '../../src/events/programme-events';
import { Lectern, startLectern } from '../support/lectern';
import { rowId } from '../support/ids';
import { ProgrammeBuilder, programmeBuilder, SessionRef } from '../support/programme';

describe('programme changes, told after commit', () => {
  let lectern: Lectern;
  let build: ProgrammeBuilder;
  let heard: ProgrammeChange[] = [];
  let conferenceId: number;
  let session: SessionRef;
  let sessionId: string;

  const organiser = (query: string, variables?: Record<string, unknown>) => lectern.ok(query, variables, { as: 'organiser' });
  const kinds = () => heard.map((change) => change.kind);
  /** Listeners run after commit, on a later turn of the event loop than the answer. */
  const settle = () => new Promise((resolve) => setImmediate(resolve));

  beforeAll(async () => {
    lectern = await startLectern();
    build = programmeBuilder(lectern);
    lectern.app.get(ProgrammeEvents).listen((changes) => void heard.push(...changes));
    const umea = await build.conference({
      startDate: '2016-10-21',
      endDate: '2016-10-23',
      timeZone: 'Europe/Stockholm',
      defaultLocale: 'sv',
    });
    conferenceId = rowId(umea.id);
    session = await build.session(umea, { title: 'Öppning', startsAt: '2016-10-21T09:00:00+02:00', endsAt: '2016-10-21T09:30:00+02:00' });
    sessionId = session.id;
  });
  beforeEach(() => (heard = []));
  afterAll(() => lectern.close());

  it('tells a move with where the session was and where it went', async () => {
    await organiser(
      `mutation ($id: ID!) { updateSession(id: $id, input: { startsAt: "2016-10-21T10:00:00+02:00", endsAt: "2016-10-21T10:30:00+02:00" }) { id } }`,
      {
        id: sessionId,
      },
    );
    await settle();
    expect(heard).toEqual([
      expect.objectContaining({
        kind: 'SESSION_MOVED',
        conferenceId,
        sessionId: rowId(sessionId),
        details: {
          from: expect.objectContaining({ startsAt: '2016-10-21T07:00:00.000Z' }),
          to: expect.objectContaining({ startsAt: '2016-10-21T08:00:00.000Z' }),
        },
      }),
    ]);
  });

  it('tells a new title apart from a move, and both when both change', async () => {
    await organiser(`mutation ($id: ID!) { updateSession(id: $id, input: { title: [{ locale: "sv", text: "Välkommen" }] }) { id } }`, {
      id: sessionId,
    });
    await settle();
    expect(kinds()).toEqual(['SESSION_RETITLED']);

    heard = [];
    await organiser(
      `mutation ($id: ID!) { updateSession(id: $id, input: { title: [{ locale: "sv", text: "Start" }], startsAt: "2016-10-21T11:00:00+02:00", endsAt: "2016-10-21T11:30:00+02:00" }) { id } }`,
      { id: sessionId },
    );
    await settle();
    expect(kinds().sort()).toEqual(['SESSION_MOVED', 'SESSION_RETITLED']);
  });

  it('tells a change of speakers, and a change of the person to every conference they take part in', async () => {
    const anna = await build.speaker({ name: 'Anna Berg' });
    const speakerId = anna.id;
    await build.appearance(session, anna);
    await settle();
    expect(heard).toEqual([expect.objectContaining({ kind: 'SESSION_UPDATED', conferenceId, sessionId: rowId(sessionId) })]);

    heard = [];
    await organiser(`mutation ($id: ID!) { updateSpeaker(id: $id, input: { name: "Anna Bergström" }) { id } }`, { id: speakerId });
    await settle();
    expect(heard).toEqual([expect.objectContaining({ kind: 'SPEAKER_CHANGED', conferenceId, speakerId: rowId(speakerId) })]);
  });

  it('tells nothing of a mutation that failed and changed nothing', async () => {
    const refused = await lectern.graphql(
      `mutation ($id: ID!) { updateSession(id: $id, input: { startsAt: "2016-10-21T12:00:00+02:00", endsAt: "2016-10-21T11:00:00+02:00" }) { id } }`,
      { id: sessionId },
      { as: 'organiser' },
    );
    expect(refused.errors?.[0].extensions?.field).toBe('endsAt');
    await settle();
    expect(heard).toEqual([]);
  });

  it('tells a cancellation and a deletion', async () => {
    await organiser(`mutation ($id: ID!) { cancelSession(id: $id) { id } }`, { id: sessionId });
    await organiser(`mutation ($id: ID!) { deleteSession(id: $id) { id } }`, { id: sessionId });
    await settle();
    expect(kinds()).toEqual(['SESSION_CANCELLED', 'SESSION_DELETED']);
  });
});
