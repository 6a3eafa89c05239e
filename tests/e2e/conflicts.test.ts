import ICAL from 'ical.js';
import { Lectern, startLectern } from '../support/lectern';
import { ConferenceFields, ConferenceRef, ProgrammeBuilder, programmeBuilder, SessionFields } from '../support/programme';

const CONFLICTS = `query ($slug: String!) {
  conflicts(conferenceSlug: $slug) { key code severity message blocksRelease sessions { id } speakers { slug } room { slug } track { slug } }
}`;

interface Found {
  key: string;
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
  let build: ProgrammeBuilder;

  beforeAll(async () => {
    lectern = await startLectern();
    build = programmeBuilder(lectern);
  });
  afterAll(() => lectern.close());

  const organiser = (query: string, variables?: Record<string, unknown>) => lectern.ok(query, variables, { as: 'organiser' });

  /** A published conference of its own for each test, so one test's sessions never clash with another's. */
  const conference = (fields: ConferenceFields) => build.conference({ defaultLocale: 'nb', ...fields, published: true });
  /** A workshop needs no speaker: only the tests that look for MISSING_SPEAKER make talks. Conflicts name sessions by id. */
  const session = async (of: ConferenceRef, fields: SessionFields) => (await build.session(of, { format: 'WORKSHOP', ...fields })).id;
  const conflicts = async (slug: string, code?: string): Promise<Found[]> =>
    ((await organiser(CONFLICTS, { slug })).conflicts as Found[]).filter((c) => !code || c.code === code);
  const sessionIds = (found: Found[]) => found.map((c) => c.sessions.map((s) => s.id).sort());

  it('finds a speaker in two overlapping sessions, but not in back-to-back or cancelled ones', async () => {
    const oslo = await conference({ startDate: '2021-08-18', endDate: '2021-08-19', timeZone: 'Europe/Oslo' });
    const anna = await build.speaker({ slug: 'anna-berg', name: 'Taler anna-berg', bio: { nb: 'Forsker.' } });
    const first = await session(oslo, { startsAt: '2021-08-18T10:00:00+02:00', endsAt: '2021-08-18T11:00:00+02:00', speakers: [anna] });
    const overlapping = await session(oslo, {
      startsAt: '2021-08-18T10:30:00+02:00',
      endsAt: '2021-08-18T11:30:00+02:00',
      speakers: [anna],
    });
    await session(oslo, { startsAt: '2021-08-18T11:30:00+02:00', endsAt: '2021-08-18T12:00:00+02:00', speakers: [anna] });
    const cancelled = await session(oslo, { startsAt: '2021-08-18T10:00:00+02:00', endsAt: '2021-08-18T10:45:00+02:00', speakers: [anna] });
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
    const olle = await build.speaker({ slug: 'olle-lundin', bio: { nb: 'Rådgiver.' } });
    const inOslo = await session(oslo, { startsAt: '2021-09-01T09:00:00+02:00', endsAt: '2021-09-01T10:00:00+02:00', speakers: [olle] });
    const inUmea = await session(umea, { startsAt: '2021-09-01T09:30:00+02:00', endsAt: '2021-09-01T10:30:00+02:00', speakers: [olle] });

    const fromOslo = await conflicts(oslo.slug, 'SPEAKER_DOUBLE_BOOKED');
    expect(sessionIds(fromOslo)).toEqual([[inOslo, inUmea].sort()]);
    const fromUmea = await conflicts(umea.slug, 'SPEAKER_DOUBLE_BOOKED');
    expect(sessionIds(fromUmea)).toEqual([[inOslo, inUmea].sort()]);

    // Oslo's own organiser sees the clash, but not Umeå's unpublished session.
    const { token } = await build.organiser({ conferences: [oslo] });
    const seen = (await lectern.ok(CONFLICTS, { slug: oslo.slug }, { token })).conflicts.filter(
      (c: Found) => c.code === 'SPEAKER_DOUBLE_BOOKED',
    );
    expect(sessionIds(seen)).toEqual([[inOslo]]);
    expect(seen[0].message).toContain('a session of another conference');
    for (const name of [oslo.name, umea.name]) expect(seen[0].message).not.toContain(name);
    // Nor when it is, nor which it is: its time is not in the message, its id not in the key.
    expect(seen[0].message).not.toContain('09:30');
    expect(seen[0].message).not.toContain('10:30');
    expect(seen[0].key.split(':')).not.toContain(`s${inUmea}`);

    // A second hidden clash of the same person with the same session is the same fact to Oslo.
    await session(umea, { startsAt: '2021-09-01T09:45:00+02:00', endsAt: '2021-09-01T10:15:00+02:00', speakers: [olle] });
    const again = (await lectern.ok(CONFLICTS, { slug: oslo.slug }, { token })).conflicts.filter(
      (c: Found) => c.code === 'SPEAKER_DOUBLE_BOOKED',
    );
    expect(again).toHaveLength(1);
    expect(again[0].key).toBe(seen[0].key);
  });

  it('judges the spring DST change (Europe/Stockholm) on UTC instants: back-to-back across 02:00→03:00 is no clash, an overlap is', async () => {
    const stockholm = await conference({
      startDate: '2021-03-27',
      endDate: '2021-03-28',
      timeZone: 'Europe/Stockholm',
      defaultLocale: 'sv',
    });
    const hall = await build.room(stockholm, { slug: 'hall' });
    // 01:00 CET to 03:00 CEST is one real hour (00:00Z–01:00Z); the next session starts at 03:00 CEST (01:00Z).
    const night = await session(stockholm, { startsAt: '2021-03-28T01:00:00+01:00', endsAt: '2021-03-28T03:00:00+02:00', room: hall });
    const morning = await session(stockholm, { startsAt: '2021-03-28T03:00:00+02:00', endsAt: '2021-03-28T04:00:00+02:00', room: hall });
    expect(await conflicts(stockholm.slug, 'ROOM_DOUBLE_BOOKED')).toEqual([]);

    // Ends at 03:30 CEST (01:30Z): half an hour into the morning session.
    await organiser(`mutation { updateSession(id: "${night}", input: { endsAt: "2021-03-28T03:30:00+02:00" }) { id } }`);
    const found = await conflicts(stockholm.slug, 'ROOM_DOUBLE_BOOKED');
    expect(sessionIds(found)).toEqual([[night, morning].sort()]);
    expect(found[0].room).toEqual({ slug: 'hall' });
  });

  it('judges the autumn DST change (Europe/Oslo) on UTC instants: the repeated hour holds two sessions, one spanning both clashes with each', async () => {
    const oslo = await conference({ startDate: '2021-10-30', endDate: '2021-10-31', timeZone: 'Europe/Oslo' });
    const hall = await build.room(oslo, { slug: 'sal' });
    // 02:15–02:45 happens twice that night: first in summer time (00:15Z), then in winter time (01:15Z).
    const firstPass = await session(oslo, { startsAt: '2021-10-31T02:15:00+02:00', endsAt: '2021-10-31T02:45:00+02:00', room: hall });
    const secondPass = await session(oslo, { startsAt: '2021-10-31T02:15:00+01:00', endsAt: '2021-10-31T02:45:00+01:00', room: hall });
    expect(await conflicts(oslo.slug, 'ROOM_DOUBLE_BOOKED')).toEqual([]);

    const spanning = await session(oslo, { startsAt: '2021-10-31T02:30:00+02:00', endsAt: '2021-10-31T02:30:00+01:00', room: hall });
    expect(sessionIds(await conflicts(oslo.slug, 'ROOM_DOUBLE_BOOKED')).sort()).toEqual(
      [[firstPass, spanning].sort(), [secondPass, spanning].sort()].sort(),
    );
  });

  it("finds sessions outside the conference's days once its dates change", async () => {
    const oslo = await conference({ startDate: '2021-08-18', endDate: '2021-08-19', timeZone: 'Europe/Oslo' });
    const late = await session(oslo, { startsAt: '2021-08-19T23:00:00+02:00', endsAt: '2021-08-19T23:59:00+02:00' });
    await session(oslo, { startsAt: '2021-08-18T09:00:00+02:00', endsAt: '2021-08-18T10:00:00+02:00' });
    expect(await conflicts(oslo.slug, 'OUTSIDE_CONFERENCE_DAYS')).toEqual([]);
    await organiser(`mutation { updateConference(id: "${oslo.id}", input: { endDate: "2021-08-18" }) { id } }`);
    const found = await conflicts(oslo.slug, 'OUTSIDE_CONFERENCE_DAYS');
    expect(sessionIds(found)).toEqual([[late]]);
    expect(found[0].message).toContain('2021-08-18 to 2021-08-18');
  });

  it("finds sessions outside their room's availability windows", async () => {
    const oslo = await conference({ startDate: '2021-08-18', endDate: '2021-08-18', timeZone: 'Europe/Oslo' });
    const hall = await build.room(oslo, { slug: 'aula' });
    const morning = await session(oslo, { startsAt: '2021-08-18T09:00:00+02:00', endsAt: '2021-08-18T10:00:00+02:00', room: hall });
    const evening = await session(oslo, { startsAt: '2021-08-18T18:00:00+02:00', endsAt: '2021-08-18T19:00:00+02:00', room: hall });
    expect(await conflicts(oslo.slug, 'OUTSIDE_ROOM_AVAILABILITY')).toEqual([]);

    const { setRoomAvailability } = await organiser(
      `mutation { setRoomAvailability(roomId: "${hall.id}", windows: [{ startsAt: "2021-08-18T08:00:00+02:00", endsAt: "2021-08-18T17:00:00+02:00" }]) { availability { startsAt endsAt } } }`,
    );
    expect(setRoomAvailability.availability).toEqual([{ startsAt: '2021-08-18T06:00:00.000Z', endsAt: '2021-08-18T15:00:00.000Z' }]);
    const found = await conflicts(oslo.slug, 'OUTSIDE_ROOM_AVAILABILITY');
    expect(sessionIds(found)).toEqual([[evening]]);
    expect(found[0]).toMatchObject({ severity: 'ERROR', room: { slug: 'aula' } });
    expect(sessionIds(found)).not.toContainEqual([morning]);

    const bad = await lectern.graphql(
      `mutation { setRoomAvailability(roomId: "${hall.id}", windows: [{ startsAt: "2021-08-18T10:00:00Z", endsAt: "2021-08-18T09:00:00Z" }]) { id } }`,
      {},
      { as: 'organiser' },
    );
    expect(bad.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT' });
    expect(await conflicts(oslo.slug, 'OUTSIDE_ROOM_AVAILABILITY')).toHaveLength(1);
  });

  it('finds talks and keynotes without a speaker, and panels short of panellists or a moderator', async () => {
    const oslo = await conference({ startDate: '2021-08-18', endDate: '2021-08-18', timeZone: 'Europe/Oslo' });
    const [a, b, c] = [await build.speaker({ slug: 'p-a' }), await build.speaker({ slug: 'p-b' }), await build.speaker({ slug: 'p-c' })];
    const talk = await session(oslo, { startsAt: null, endsAt: null, format: 'TALK' });
    const keynote = await session(oslo, { startsAt: null, endsAt: null, format: 'KEYNOTE' });
    await session(oslo, { startsAt: null, endsAt: null, format: 'TALK', speakers: [a] });
    await session(oslo, { startsAt: null, endsAt: null, format: 'BREAK' });
    const smallPanel = await session(oslo, { startsAt: null, endsAt: null, format: 'PANEL', speakers: [a] });
    await session(oslo, { startsAt: null, endsAt: null, format: 'PANEL', speakers: [a, b, { speaker: c, role: 'MODERATOR' }] });

    expect(sessionIds(await conflicts(oslo.slug, 'MISSING_SPEAKER')).sort()).toEqual([[talk], [keynote]].sort());
    expect(sessionIds(await conflicts(oslo.slug, 'PANEL_TOO_SMALL'))).toEqual([[smallPanel]]);
    const noModerator = await conflicts(oslo.slug, 'PANEL_WITHOUT_MODERATOR');
    expect(sessionIds(noModerator)).toEqual([[smallPanel]]);
    expect(noModerator[0].severity).toBe('WARNING');
  });

  it("warns about speakers without a bio in the conference's default language", async () => {
    const oslo = await conference({ startDate: '2021-08-18', endDate: '2021-08-18', timeZone: 'Europe/Oslo', defaultLocale: 'nb' });
    const english = await build.speaker({ slug: 'only-english', bio: { en: 'Researcher with "quotes" in "nb":"x" her bio.' } });
    const norwegian = await build.speaker({ slug: 'norsk', bio: { nb: 'Forsker.' } });
    await session(oslo, { startsAt: null, endsAt: null, speakers: [english, norwegian] });
    const found = await conflicts(oslo.slug, 'SPEAKER_WITHOUT_BIO');
    expect(found.map((c) => c.speakers)).toEqual([[{ slug: 'only-english' }]]);
    expect(found[0]).toMatchObject({ severity: 'WARNING', blocksRelease: false });
  });

  it('finds a published session in an unpublished room or track, and returns the conflicts a mutation caused with its result', async () => {
    const oslo = await conference({ startDate: '2021-08-18', endDate: '2021-08-18', timeZone: 'Europe/Oslo' });
    const hidden = await build.room(oslo, { slug: 'bakrom', published: false });
    const secret = await build.track(oslo, { slug: 'hemmelig', published: false });
    expect((await organiser(`{ conference(slug: "${oslo.slug}") { tracks { slug published } } }`)).conference.tracks).toEqual([
      { slug: 'hemmelig', published: false },
    ]);
    const draft = await session(oslo, {
      startsAt: '2021-08-18T09:00:00+02:00',
      endsAt: '2021-08-18T10:00:00+02:00',
      room: hidden,
      track: secret,
    });
    expect(await conflicts(oslo.slug, 'UNPUBLISHED_ROOM')).toEqual([]);

    const { publishSession } = await organiser(
      `mutation { publishSession(id: "${draft}") { id conflicts { code severity message blocksRelease } } }`,
    );
    expect(publishSession.conflicts.map((c: Found) => c.code).sort()).toEqual(['UNPUBLISHED_ROOM', 'UNPUBLISHED_TRACK']);
    expect(publishSession.conflicts.every((c: Found) => c.blocksRelease)).toBe(true);

    // An ERROR does not stop the mutation: organisers work in drafts.
    const other = await session(oslo, { startsAt: '2021-08-18T09:30:00+02:00', endsAt: '2021-08-18T10:30:00+02:00' });
    const { updateSession } = await organiser(
      `mutation { updateSession(id: "${other}", input: { roomId: "${hidden.id}" }) { id room { slug } conflicts { code sessions { id } } } }`,
    );
    expect(updateSession.room).toEqual({ slug: 'bakrom' });
    expect(updateSession.conflicts).toEqual([{ code: 'ROOM_DOUBLE_BOOKED', sessions: [{ id: draft }, { id: other }] }]);
  });

  it("lets talks happen in a hackathon's room while it runs, but not two hackathons at once", async () => {
    const umea = await conference({ startDate: '2021-10-21', endDate: '2021-10-23', timeZone: 'Europe/Stockholm', defaultLocale: 'sv' });
    const hall = await build.room(umea, { slug: 'aula' });
    const hackathon = await session(umea, {
      startsAt: '2021-10-21T09:00:00+02:00',
      endsAt: '2021-10-23T16:00:00+02:00',
      room: hall,
      format: 'HACKATHON',
    });
    await session(umea, { startsAt: '2021-10-21T09:30:00+02:00', endsAt: '2021-10-21T10:00:00+02:00', room: hall });
    expect(await conflicts(umea.slug, 'ROOM_DOUBLE_BOOKED')).toEqual([]);

    const second = await session(umea, {
      startsAt: '2021-10-22T09:00:00+02:00',
      endsAt: '2021-10-22T17:00:00+02:00',
      room: hall,
      format: 'HACKATHON',
    });
    expect(sessionIds(await conflicts(umea.slug, 'ROOM_DOUBLE_BOOKED'))).toEqual([[hackathon, second].sort()]);
  });

  it('keeps an unpublished room and track out of public answers and feeds', async () => {
    const oslo = await conference({ startDate: '2021-08-18', endDate: '2021-08-18', timeZone: 'Europe/Oslo' });
    const hidden = await build.room(oslo, { slug: 'lager', name: 'Sal lager', published: false });
    const internal = await build.track(oslo, { slug: 'intern', published: false });
    const shown = await session(oslo, {
      startsAt: '2021-08-18T09:00:00+02:00',
      endsAt: '2021-08-18T10:00:00+02:00',
      room: hidden,
      track: internal,
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
    const talk = await session(oslo, { startsAt: null, endsAt: null, format: 'TALK' });
    await organiser(`mutation { publishSession(id: "${talk}") { id } }`);

    const anonymous = await lectern.graphql(CONFLICTS, { slug: oslo.slug });
    expect(anonymous.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const outsider = await build.organiser();
    expect((await lectern.graphql(CONFLICTS, { slug: oslo.slug }, { token: outsider.token })).errors?.[0].extensions?.code).toBe(
      'FORBIDDEN',
    );
    const field = await lectern.graphql(`{ session(id: "${talk}") { id conflicts { code } } }`);
    expect(field.data?.session ?? null).toBeNull();
    expect(field.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect((await lectern.graphql(CONFLICTS, { slug: 'no-such-conference' }, { as: 'organiser' })).errors?.[0].extensions).toMatchObject({
      code: 'NOT_FOUND',
      field: 'conferenceSlug',
    });
  });
});
