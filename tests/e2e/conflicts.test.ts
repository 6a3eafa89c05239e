import ICAL from 'ical.js';
import { Lectern, startLectern } from '../support/lectern';

const CONFLICTS = `query ($slug: String!) {
  conflicts(conferenceSlug: $slug) { key code severity message blocksRelease sessions { id } speakers { slug } room { slug } track { slug } }
}`;

interface Found {
  code: string;
  severity: string;
  message: string;
  blocksRelease: boolean;
  sessions: { id: string }[];
  speakers: { slug: string }[];
  room: { slug: string } | null;
  track: { slug: string } | null;
}

/** Every kind of conflict, found through the API an organiser uses, on small programmes built for each. */
describe('programme conflicts', () => {
  let lectern: Lectern;
  let counter = 0;

  beforeAll(async () => {
    lectern = await startLectern();
  });
  afterAll(() => lectern.close());

  const organiser = (query: string, variables?: Record<string, unknown>) => lectern.ok(query, variables, { as: 'organiser' });

  /** A conference of its own for each test, so one test's sessions never clash with another's. */
  async function conference(fields: { startDate: string; endDate: string; timeZone: string; defaultLocale?: string }) {
    const slug = `konferanse-${++counter}`;
    const { createConference } = await organiser(`mutation ($input: CreateConferenceInput!) { createConference(input: $input) { id } }`, {
      input: { slug, name: `Konferanse ${counter}`, defaultLocale: 'nb', ...fields },
    });
    await organiser(`mutation { publishConference(id: "${createConference.id}") { id } }`);
    return { slug, id: createConference.id as string };
  }
  const room = async (conferenceId: string, slug: string, extra = '') =>
    (
      await organiser(
        `mutation { createRoom(input: { conferenceId: "${conferenceId}", slug: "${slug}", name: "Sal ${slug}" ${extra} }) { id } }`,
      )
    ).createRoom.id as string;
  const speaker = async (slug: string, bio?: { locale: string; text: string }) =>
    (
      await organiser(`mutation ($input: CreateSpeakerInput!) { createSpeaker(input: $input) { id } }`, {
        input: { slug, name: `Taler ${slug}`, ...(bio ? { bio: [bio] } : {}) },
      })
    ).createSpeaker.id as string;
  async function session(
    conferenceId: string,
    startsAt: string | null,
    endsAt: string | null,
    extra: Record<string, unknown> = {},
    speakers: string[] = [],
  ) {
    const { createSession } = await organiser(`mutation ($input: CreateSessionInput!) { createSession(input: $input) { id } }`, {
      input: {
        conferenceId,
        title: [{ locale: 'nb', text: `Økt ${++counter}` }],
        format: 'WORKSHOP',
        language: 'nb',
        startsAt,
        endsAt,
        ...extra,
      },
    });
    for (const speakerId of speakers)
      await organiser(`mutation { addAppearance(input: { sessionId: "${createSession.id}", speakerId: "${speakerId}" }) { id } }`);
    return createSession.id as string;
  }
  const conflicts = async (slug: string, code?: string): Promise<Found[]> =>
    ((await organiser(CONFLICTS, { slug })).conflicts as Found[]).filter((c) => !code || c.code === code);
  const sessionIds = (found: Found[]) => found.map((c) => c.sessions.map((s) => s.id).sort());

  it('finds a speaker in two overlapping sessions, but not in back-to-back or cancelled ones', async () => {
    const oslo = await conference({ startDate: '2021-08-18', endDate: '2021-08-19', timeZone: 'Europe/Oslo' });
    const anna = await speaker('anna-berg', { locale: 'nb', text: 'Forsker.' });
    const first = await session(oslo.id, '2021-08-18T10:00:00+02:00', '2021-08-18T11:00:00+02:00', {}, [anna]);
    const overlapping = await session(oslo.id, '2021-08-18T10:30:00+02:00', '2021-08-18T11:30:00+02:00', {}, [anna]);
    await session(oslo.id, '2021-08-18T11:30:00+02:00', '2021-08-18T12:00:00+02:00', {}, [anna]);
    const cancelled = await session(oslo.id, '2021-08-18T10:00:00+02:00', '2021-08-18T10:45:00+02:00', {}, [anna]);
    await organiser(`mutation { cancelSession(id: "${cancelled}") { id } }`);

    const found = await conflicts(oslo.slug, 'SPEAKER_DOUBLE_BOOKED');
    expect(sessionIds(found)).toEqual([[first, overlapping].sort()]);
    expect(found[0]).toMatchObject({ severity: 'ERROR', speakers: [{ slug: 'anna-berg' }] });
    expect(found[0].message).toContain('Taler anna-berg');
    expect(found[0].message).toContain('18 Aug 2021 10:00–11:00');
    expect(found[0].message).toContain('Europe/Oslo');
  });

  it('finds a speaker in Oslo and Umeå at once, across conferences, and names a draft of another conference to nobody outside it', async () => {
    const oslo = await conference({ startDate: '2021-09-01', endDate: '2021-09-01', timeZone: 'Europe/Oslo' });
    const umea = await conference({ startDate: '2021-09-01', endDate: '2021-09-01', timeZone: 'Europe/Stockholm', defaultLocale: 'sv' });
    const olle = await speaker('olle-lundin', { locale: 'nb', text: 'Rådgiver.' });
    const inOslo = await session(oslo.id, '2021-09-01T09:00:00+02:00', '2021-09-01T10:00:00+02:00', {}, [olle]);
    const inUmea = await session(umea.id, '2021-09-01T09:30:00+02:00', '2021-09-01T10:30:00+02:00', {}, [olle]);

    const fromOslo = await conflicts(oslo.slug, 'SPEAKER_DOUBLE_BOOKED');
    expect(sessionIds(fromOslo)).toEqual([[inOslo, inUmea].sort()]);
    const fromUmea = await conflicts(umea.slug, 'SPEAKER_DOUBLE_BOOKED');
    expect(sessionIds(fromUmea)).toEqual([[inOslo, inUmea].sort()]);

    // Oslo's own organiser sees the clash, but not Umeå's unpublished session.
    const osloToken = await lectern.organiserToken([oslo.id], 'Oslo only');
    const seen = (await lectern.ok(CONFLICTS, { slug: oslo.slug }, { token: osloToken })).conflicts.filter(
      (c: Found) => c.code === 'SPEAKER_DOUBLE_BOOKED',
    );
    expect(sessionIds(seen)).toEqual([[inOslo]]);
    expect(seen[0].message).toContain('a session of another conference');
    expect(seen[0].message).not.toMatch(/Konferanse/);
  });

  it('judges the spring DST change (Europe/Stockholm) on UTC instants: back-to-back across 02:00→03:00 is no clash, an overlap is', async () => {
    const stockholm = await conference({
      startDate: '2021-03-27',
      endDate: '2021-03-28',
      timeZone: 'Europe/Stockholm',
      defaultLocale: 'sv',
    });
    const hall = await room(stockholm.id, 'hall');
    // 01:00 CET to 03:00 CEST is one real hour (00:00Z–01:00Z); the next session starts at 03:00 CEST (01:00Z).
    const night = await session(stockholm.id, '2021-03-28T01:00:00+01:00', '2021-03-28T03:00:00+02:00', { roomId: hall });
    const morning = await session(stockholm.id, '2021-03-28T03:00:00+02:00', '2021-03-28T04:00:00+02:00', { roomId: hall });
    expect(await conflicts(stockholm.slug, 'ROOM_DOUBLE_BOOKED')).toEqual([]);

    // Ends at 03:30 CEST (01:30Z): half an hour into the morning session.
    await organiser(`mutation { updateSession(id: "${night}", input: { endsAt: "2021-03-28T03:30:00+02:00" }) { id } }`);
    const found = await conflicts(stockholm.slug, 'ROOM_DOUBLE_BOOKED');
    expect(sessionIds(found)).toEqual([[night, morning].sort()]);
    expect(found[0].room).toEqual({ slug: 'hall' });
  });

  it('judges the autumn DST change (Europe/Oslo) on UTC instants: the repeated hour holds two sessions, one spanning both clashes with each', async () => {
    const oslo = await conference({ startDate: '2021-10-30', endDate: '2021-10-31', timeZone: 'Europe/Oslo' });
    const hall = await room(oslo.id, 'sal');
    // 02:15–02:45 happens twice that night: first in summer time (00:15Z), then in winter time (01:15Z).
    const firstPass = await session(oslo.id, '2021-10-31T02:15:00+02:00', '2021-10-31T02:45:00+02:00', { roomId: hall });
    const secondPass = await session(oslo.id, '2021-10-31T02:15:00+01:00', '2021-10-31T02:45:00+01:00', { roomId: hall });
    expect(await conflicts(oslo.slug, 'ROOM_DOUBLE_BOOKED')).toEqual([]);

    const spanning = await session(oslo.id, '2021-10-31T02:30:00+02:00', '2021-10-31T02:30:00+01:00', { roomId: hall });
    expect(sessionIds(await conflicts(oslo.slug, 'ROOM_DOUBLE_BOOKED')).sort()).toEqual(
      [[firstPass, spanning].sort(), [secondPass, spanning].sort()].sort(),
    );
  });

  it("finds sessions outside the conference's days once its dates change", async () => {
    const oslo = await conference({ startDate: '2021-08-18', endDate: '2021-08-19', timeZone: 'Europe/Oslo' });
    const late = await session(oslo.id, '2021-08-19T23:00:00+02:00', '2021-08-19T23:59:00+02:00');
    await session(oslo.id, '2021-08-18T09:00:00+02:00', '2021-08-18T10:00:00+02:00');
    expect(await conflicts(oslo.slug, 'OUTSIDE_CONFERENCE_DAYS')).toEqual([]);
    await organiser(`mutation { updateConference(id: "${oslo.id}", input: { endDate: "2021-08-18" }) { id } }`);
    const found = await conflicts(oslo.slug, 'OUTSIDE_CONFERENCE_DAYS');
    expect(sessionIds(found)).toEqual([[late]]);
    expect(found[0].message).toContain('2021-08-18 to 2021-08-18');
  });

  it("finds sessions outside their room's availability windows", async () => {
    const oslo = await conference({ startDate: '2021-08-18', endDate: '2021-08-18', timeZone: 'Europe/Oslo' });
    const hall = await room(oslo.id, 'aula');
    const morning = await session(oslo.id, '2021-08-18T09:00:00+02:00', '2021-08-18T10:00:00+02:00', { roomId: hall });
    const evening = await session(oslo.id, '2021-08-18T18:00:00+02:00', '2021-08-18T19:00:00+02:00', { roomId: hall });
    expect(await conflicts(oslo.slug, 'OUTSIDE_ROOM_AVAILABILITY')).toEqual([]);

    const { setRoomAvailability } = await organiser(
      `mutation { setRoomAvailability(roomId: "${hall}", windows: [{ startsAt: "2021-08-18T08:00:00+02:00", endsAt: "2021-08-18T17:00:00+02:00" }]) { availability { startsAt endsAt } } }`,
    );
    expect(setRoomAvailability.availability).toEqual([{ startsAt: '2021-08-18T06:00:00.000Z', endsAt: '2021-08-18T15:00:00.000Z' }]);
    const found = await conflicts(oslo.slug, 'OUTSIDE_ROOM_AVAILABILITY');
    expect(sessionIds(found)).toEqual([[evening]]);
    expect(found[0]).toMatchObject({ severity: 'ERROR', room: { slug: 'aula' } });
    expect(sessionIds(found)).not.toContainEqual([morning]);

    const bad = await lectern.graphql(
      `mutation { setRoomAvailability(roomId: "${hall}", windows: [{ startsAt: "2021-08-18T10:00:00Z", endsAt: "2021-08-18T09:00:00Z" }]) { id } }`,
      {},
      { as: 'organiser' },
    );
    expect(bad.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT' });
    expect(await conflicts(oslo.slug, 'OUTSIDE_ROOM_AVAILABILITY')).toHaveLength(1);
  });

  it('finds talks and keynotes without a speaker, and panels short of panellists or a moderator', async () => {
    const oslo = await conference({ startDate: '2021-08-18', endDate: '2021-08-18', timeZone: 'Europe/Oslo' });
    const [a, b, c] = [await speaker('p-a'), await speaker('p-b'), await speaker('p-c')];
    const talk = await session(oslo.id, null, null, { format: 'TALK' });
    const keynote = await session(oslo.id, null, null, { format: 'KEYNOTE' });
    await session(oslo.id, null, null, { format: 'TALK' }, [a]);
    await session(oslo.id, null, null, { format: 'BREAK' });
    const smallPanel = await session(oslo.id, null, null, { format: 'PANEL' }, [a]);
    const fullPanel = await session(oslo.id, null, null, { format: 'PANEL' }, [a, b]);
    await organiser(`mutation { addAppearance(input: { sessionId: "${fullPanel}", speakerId: "${c}", role: MODERATOR }) { id } }`);

    expect(sessionIds(await conflicts(oslo.slug, 'MISSING_SPEAKER')).sort()).toEqual([[talk], [keynote]].sort());
    expect(sessionIds(await conflicts(oslo.slug, 'PANEL_TOO_SMALL'))).toEqual([[smallPanel]]);
    const noModerator = await conflicts(oslo.slug, 'PANEL_WITHOUT_MODERATOR');
    expect(sessionIds(noModerator)).toEqual([[smallPanel]]);
    expect(noModerator[0].severity).toBe('WARNING');
  });

  it("warns about speakers without a bio in the conference's default language", async () => {
    const oslo = await conference({ startDate: '2021-08-18', endDate: '2021-08-18', timeZone: 'Europe/Oslo', defaultLocale: 'nb' });
    const english = await speaker('only-english', { locale: 'en', text: 'Researcher with "quotes" in "nb":"x" her bio.' });
    const norwegian = await speaker('norsk', { locale: 'nb', text: 'Forsker.' });
    await session(oslo.id, null, null, {}, [english, norwegian]);
    const found = await conflicts(oslo.slug, 'SPEAKER_WITHOUT_BIO');
    expect(found.map((c) => c.speakers)).toEqual([[{ slug: 'only-english' }]]);
    expect(found[0]).toMatchObject({ severity: 'WARNING', blocksRelease: false });
  });

  it('finds a published session in an unpublished room or track, and returns the conflicts a mutation caused with its result', async () => {
    const oslo = await conference({ startDate: '2021-08-18', endDate: '2021-08-18', timeZone: 'Europe/Oslo' });
    const hidden = await room(oslo.id, 'bakrom', ', published: false');
    const { createTrack } = await organiser(
      `mutation { createTrack(input: { conferenceId: "${oslo.id}", slug: "hemmelig", name: "Hemmelig", published: false }) { id published } }`,
    );
    expect(createTrack.published).toBe(false);
    const draft = await session(oslo.id, '2021-08-18T09:00:00+02:00', '2021-08-18T10:00:00+02:00', {
      roomId: hidden,
      trackId: createTrack.id,
    });
    expect(await conflicts(oslo.slug, 'UNPUBLISHED_ROOM')).toEqual([]);

    const { publishSession } = await organiser(
      `mutation { publishSession(id: "${draft}") { id conflicts { code severity message blocksRelease } } }`,
    );
    expect(publishSession.conflicts.map((c: Found) => c.code).sort()).toEqual(['UNPUBLISHED_ROOM', 'UNPUBLISHED_TRACK']);
    expect(publishSession.conflicts.every((c: Found) => c.blocksRelease)).toBe(true);

    // An ERROR does not stop the mutation: organisers work in drafts.
    const other = await session(oslo.id, '2021-08-18T09:30:00+02:00', '2021-08-18T10:30:00+02:00');
    const { updateSession } = await organiser(
      `mutation { updateSession(id: "${other}", input: { roomId: "${hidden}" }) { id room { slug } conflicts { code sessions { id } } } }`,
    );
    expect(updateSession.room).toEqual({ slug: 'bakrom' });
    expect(updateSession.conflicts).toEqual([{ code: 'ROOM_DOUBLE_BOOKED', sessions: [{ id: draft }, { id: other }] }]);
  });

  it("lets talks happen in a hackathon's room while it runs, but not two hackathons at once", async () => {
    const umea = await conference({ startDate: '2021-10-21', endDate: '2021-10-23', timeZone: 'Europe/Stockholm', defaultLocale: 'sv' });
    const hall = await room(umea.id, 'aula');
    const hackathon = await session(umea.id, '2021-10-21T09:00:00+02:00', '2021-10-23T16:00:00+02:00', {
      roomId: hall,
      format: 'HACKATHON',
    });
    await session(umea.id, '2021-10-21T09:30:00+02:00', '2021-10-21T10:00:00+02:00', { roomId: hall });
    expect(await conflicts(umea.slug, 'ROOM_DOUBLE_BOOKED')).toEqual([]);

    const second = await session(umea.id, '2021-10-22T09:00:00+02:00', '2021-10-22T17:00:00+02:00', { roomId: hall, format: 'HACKATHON' });
    expect(sessionIds(await conflicts(umea.slug, 'ROOM_DOUBLE_BOOKED'))).toEqual([[hackathon, second].sort()]);
  });

  it('keeps an unpublished room and track out of public answers and feeds', async () => {
    const oslo = await conference({ startDate: '2021-08-18', endDate: '2021-08-18', timeZone: 'Europe/Oslo' });
    const hidden = await room(oslo.id, 'lager', ', published: false');
    const { createTrack } = await organiser(
      `mutation { createTrack(input: { conferenceId: "${oslo.id}", slug: "intern", name: "Intern", published: false }) { id } }`,
    );
    const shown = await session(oslo.id, '2021-08-18T09:00:00+02:00', '2021-08-18T10:00:00+02:00', {
      roomId: hidden,
      trackId: createTrack.id,
    });
    await organiser(`mutation { publishSession(id: "${shown}") { id } }`);

    const query = `{ conference(slug: "${oslo.slug}") { rooms { slug } tracks { slug } } session(id: "${shown}") { room { slug } track { slug } } }`;
    expect(await lectern.ok(query)).toEqual({ conference: { rooms: [], tracks: [] }, session: { room: null, track: null } });
    expect(await organiser(query)).toEqual({
      conference: { rooms: [{ slug: 'lager' }], tracks: [{ slug: 'intern' }] },
      session: { room: { slug: 'lager' }, track: { slug: 'intern' } },
    });

    const feed = await fetch(`${lectern.url}/calendars/conferences/${oslo.slug}.ics`);
    const [event] = new ICAL.Component(ICAL.parse(await feed.text())).getAllSubcomponents('vevent').map((vevent) => new ICAL.Event(vevent));
    expect(event.location ?? '').not.toContain('Sal lager');
    expect((await fetch(`${lectern.url}/calendars/conferences/${oslo.slug}/rooms/lager.ics`)).status).toBe(404);
    expect((await fetch(`${lectern.url}/calendars/conferences/${oslo.slug}/tracks/intern.ics`)).status).toBe(404);
  });

  it("shows conflicts to the conference's organisers only", async () => {
    const oslo = await conference({ startDate: '2021-08-18', endDate: '2021-08-18', timeZone: 'Europe/Oslo' });
    const talk = await session(oslo.id, null, null, { format: 'TALK' });
    await organiser(`mutation { publishSession(id: "${talk}") { id } }`);

    const anonymous = await lectern.graphql(CONFLICTS, { slug: oslo.slug });
    expect(anonymous.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const outsider = await lectern.organiserToken([], 'Someone else');
    expect((await lectern.graphql(CONFLICTS, { slug: oslo.slug }, { token: outsider })).errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const field = await lectern.graphql(`{ session(id: "${talk}") { id conflicts { code } } }`);
    expect(field.data?.session ?? null).toBeNull();
    expect(field.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect((await lectern.graphql(CONFLICTS, { slug: 'no-such-conference' }, { as: 'organiser' })).errors?.[0].extensions).toMatchObject({
      code: 'NOT_FOUND',
      field: 'conferenceSlug',
    });
  });
});
