import ICAL from 'ical.js';
import { SqlLogger } from '../../src/database/sql-logger';
import { Lectern, startLectern } from '../support/lectern';
import { rowId } from '../support/ids';
import { ConferenceRef, ProgrammeBuilder, programmeBuilder, RoomRef, SessionRef, SpeakerRef, TrackRef } from '../support/programme';

/**
 * One published programme behind every output: every feed of a conference shows the version it
 * follows, removed sessions stay as cancelled in every feed that showed them, the public rule for
 * speakers is one, and a change costs rebuilds only of the feeds that show it.
 */
describe('the published programme', () => {
  let lectern: Lectern;
  let build: ProgrammeBuilder;

  const organiser = (query: string, variables?: Record<string, unknown>) => lectern.ok(query, variables, { as: 'organiser' });
  const utc = (time: ICAL.Time) => new Date(time.toUnixTime() * 1000).toISOString();

  async function feed(path: string) {
    const response = await fetch(`${lectern.url}${path}`);
    const text = await response.text();
    if (response.status !== 200) return { status: response.status, events: [] as ICAL.Event[] };
    const calendar = new ICAL.Component(ICAL.parse(text));
    return { status: response.status, events: calendar.getAllSubcomponents('vevent').map((vevent) => new ICAL.Event(vevent)) };
  }
  const eventOf = (events: ICAL.Event[], uid: string) => events.find((event) => event.uid === `${uid}@lectern`);

  async function agendaWith(...sessions: SessionRef[]): Promise<string> {
    const { createAgenda } = await lectern.ok(`mutation { createAgenda { token readToken } }`);
    for (const session of sessions)
      await lectern.ok(`mutation ($token: String!, $id: ID!) { addToAgenda(token: $token, sessionId: $id) { token } }`, {
        token: createAgenda.token,
        id: session.id,
      });
    return `/calendars/agendas/${createAgenda.readToken}.ics`;
  }

  beforeAll(async () => {
    lectern = await startLectern();
    build = programmeBuilder(lectern);
  });
  afterAll(() => lectern.close());

  describe('a conference that follows its releases', () => {
    let conference: ConferenceRef;
    let speaker: SpeakerRef;
    let session: SessionRef;
    let agenda: string;

    beforeAll(async () => {
      conference = await build.conference({ slug: 'foljer-slapp-2021', timeZone: 'Europe/Stockholm', published: true });
      const room = await build.room(conference, { slug: 'sal-b' });
      const track = await build.track(conference, { slug: 'natverk' });
      speaker = await build.speaker({ slug: 'release-follower', name: 'Rel Follower' });
      session = await build.session(conference, {
        room,
        track,
        speakers: [speaker],
        startsAt: '2030-05-01T10:00:00+02:00',
        endsAt: '2030-05-01T11:00:00+02:00',
        published: true,
      });
      agenda = await agendaWith(session);
      await organiser(`mutation { releaseSchedule(conferenceSlug: "${conference.slug}", name: "v1", note: null) { version } }`);
      await organiser(
        `mutation { updateConference(id: "${conference.id}", input: { programmeFollows: LATEST_RELEASE }) { programmeFollows } }`,
      );
      // The live edit that is not released yet.
      await organiser(
        `mutation { updateSession(id: "${session.id}", input: { startsAt: "2030-05-01T14:00:00+02:00", endsAt: "2030-05-01T15:00:00+02:00" }) { id } }`,
      );
    });

    it('shows the released time in every feed: programme, track, room, session, speaker and agenda alike', async () => {
      const paths = [
        `/calendars/conferences/${conference.slug}.ics`,
        `/calendars/conferences/${conference.slug}/tracks/natverk.ics`,
        `/calendars/conferences/${conference.slug}/rooms/sal-b.ics`,
        `/calendars/sessions/${rowId(session.id)}.ics`,
        `/calendars/speakers/release-follower.ics`,
        agenda,
      ];
      const starts: Record<string, string | undefined> = {};
      for (const path of paths) {
        const event = eventOf((await feed(path)).events, session.uid);
        starts[path] = event && utc(event.startDate);
      }
      expect(starts).toEqual(Object.fromEntries(paths.map((path) => [path, '2030-05-01T08:00:00.000Z'])));

      // The "add to Google Calendar" link the public gets says the same; the organisers' their live edit.
      const query = `query ($id: ID!) { session(id: $id) { googleCalendarUrl } }`;
      const dates = async (as?: 'organiser') =>
        new URL((await lectern.ok(query, { id: session.id }, as ? { as } : {})).session.googleCalendarUrl).searchParams.get('dates');
      expect([await dates(), await dates('organiser')]).toEqual(['20300501T080000Z/20300501T090000Z', '20300501T120000Z/20300501T130000Z']);

      // The next release carries the edit to every feed at once.
      await organiser(`mutation { releaseSchedule(conferenceSlug: "${conference.slug}", name: "v2", note: null) { version } }`);
      for (const path of paths) expect(utc(eventOf((await feed(path)).events, session.uid)!.startDate)).toBe('2030-05-01T12:00:00.000Z');
    });
  });

  describe('a session that leaves the programme', () => {
    let conference: ConferenceRef;
    let room: RoomRef;
    let track: TrackRef;
    let speaker: SpeakerRef;
    let sequence = 0;

    beforeAll(async () => {
      conference = await build.conference({ slug: 'lamnar-2030', timeZone: 'Europe/Oslo', published: true });
      room = await build.room(conference, { slug: 'sal-c' });
      track = await build.track(conference, { slug: 'spor' });
      speaker = await build.speaker({ slug: 'leaving-speaker', name: 'Leaving Speaker' });
      // Their other session keeps them public.
      await build.session(conference, { speakers: [speaker], published: true });
    });

    const newSession = () =>
      build.session(conference, {
        title: { nb: `Økt ${++sequence}` },
        room,
        track,
        format: 'PANEL',
        speakers: [speaker],
        startsAt: '2030-05-01T10:00:00+02:00',
        endsAt: '2030-05-01T11:00:00+02:00',
        published: true,
      });

    /** Every feed that shows the session, as filtered or narrowed feeds: none of them is the whole programme's. */
    const narrowFeeds = (agenda: string) => [
      `/calendars/conferences/${conference.slug}/tracks/spor.ics`,
      `/calendars/conferences/${conference.slug}/rooms/sal-c.ics`,
      `/calendars/conferences/${conference.slug}.ics?format=PANEL`,
      `/calendars/speakers/leaving-speaker.ics`,
      agenda,
    ];

    it.each([
      ['unpublished', (session: SessionRef) => `mutation { unpublishSession(id: "${session.id}") { id } }`],
      ['deleted', (session: SessionRef) => `mutation { deleteSession(id: "${session.id}") { id } }`],
    ])(
      'stays, cancelled with a higher SEQUENCE, in every narrower feed that showed it when %s, before the whole programme is read',
      async (how, change) => {
        const session = await newSession();
        const agenda = await agendaWith(session);
        const paths = [...narrowFeeds(agenda), `/calendars/sessions/${rowId(session.id)}.ics`];
        const before: Record<string, number> = {};
        for (const path of paths) before[path] = eventOf((await feed(path)).events, session.uid)!.sequence;

        await organiser(change(session));
        // A deleted session leaves the agendas it was in with it; an unpublished one stays in them.
        const kept = how === 'deleted' ? paths.filter((path) => path !== agenda) : paths;
        const seen: Record<string, { status: string; raised: boolean } | undefined> = {};
        for (const path of kept) {
          const { status, events } = await feed(path);
          expect(status).toBe(200);
          const event = eventOf(events, session.uid);
          seen[path] = event && { status: String(event.component.getFirstPropertyValue('status')), raised: event.sequence > before[path] };
        }
        expect(seen).toEqual(Object.fromEntries(kept.map((path) => [path, { status: 'CANCELLED', raised: true }])));

        // A feed that never showed it does not start to: another track's.
        await build.track(conference, { slug: `annet-${sequence}` });
        expect(
          eventOf((await feed(`/calendars/conferences/${conference.slug}/tracks/annet-${sequence}.ics`)).events, session.uid),
        ).toBeUndefined();
      },
    );
  });

  it('narrows the GraphQL sessions query and the feeds alike: the filter is one set of clauses', async () => {
    const conference = await build.conference({
      slug: 'filter-2030',
      timeZone: 'Europe/Stockholm',
      startDate: '2030-05-01',
      endDate: '2030-05-03',
      published: true,
    });
    const rum = await build.room(conference, { slug: 'rum' });
    const sal = await build.room(conference, { slug: 'sal' });
    const data = await build.track(conference, { slug: 'data' });
    const etik = await build.track(conference, { slug: 'etik' });
    const hidden = await build.track(conference, { slug: 'dold', published: false });
    const ada = await build.speaker({ slug: 'ada-filter', name: 'Ada Lindqvist' });
    const bo = await build.speaker({ slug: 'bo-filter', name: 'Bo Ek' });
    const at = (day: string, from: string, to = from) => ({
      startsAt: `2030-05-${from === day ? day : from}T10:00:00+02:00`,
      endsAt: `2030-05-${to}T11:00:00+02:00`,
    });
    await build.session(conference, {
      title: { sv: 'Öppna data i kommunen' },
      room: rum,
      track: data,
      speakers: [ada],
      format: 'TALK',
      language: 'sv',
      ...at('01', '01'),
      published: true,
    });
    await build.session(conference, {
      title: { en: 'Ethics of algorithms' },
      room: sal,
      track: etik,
      speakers: [bo],
      format: 'PANEL',
      language: 'en',
      ...at('01', '01'),
      published: true,
    });
    await build.session(conference, {
      title: { sv: 'Hackathon' },
      room: sal,
      track: data,
      speakers: [ada, bo],
      format: 'HACKATHON',
      language: 'sv',
      ...at('02', '02', '03'),
      published: true,
    });
    await build.session(conference, {
      title: { sv: 'Dolt spår' },
      room: rum,
      track: hidden,
      format: 'TALK',
      language: 'sv',
      ...at('03', '03'),
      published: true,
    });

    const filters: [Record<string, unknown>, string][] = [
      [{}, ''],
      [{ track: ['data'] }, 'track=data'],
      [{ track: ['dold'] }, 'track=dold'],
      [{ room: ['sal'], format: ['PANEL', 'HACKATHON'] }, 'room=sal&format=PANEL&format=HACKATHON'],
      [{ day: ['2030-05-03'] }, 'day=2030-05-03'],
      [{ day: ['2030-05-02'], speaker: ['ada-filter'] }, 'day=2030-05-02&speaker=ada-filter'],
      [{ language: ['en'] }, 'language=en'],
      [{ text: 'lindq' }, 'text=lindq'],
      [{ text: 'öppna kommun' }, `text=${encodeURIComponent('öppna kommun')}`],
      [{ text: '!!!' }, 'text=!!!'],
    ];
    for (const [filter, query] of filters) {
      const { sessions } = await lectern.ok(
        `query ($filter: SessionFilter) { sessions(conferenceSlug: "filter-2030", first: 100, filter: $filter) { edges { node { uid } } } }`,
        { filter },
      );
      const byGraphql = sessions.edges.map((edge: { node: { uid: string } }) => edge.node.uid).sort();
      const { events } = await feed(`/calendars/conferences/filter-2030.ics${query ? `?${query}` : ''}`);
      const byFeed = events.map((event) => event.uid.replace(/@lectern$/, '')).sort();
      expect({ filter, uids: byFeed }).toEqual({ filter, uids: byGraphql });
    }
    // Not vacuous: the filters tell the sessions apart.
    expect((await feed('/calendars/conferences/filter-2030.ics?track=data')).events).toHaveLength(2);
  });

  it('answers the speakers an interview names as `speaker(slug)` does: the public rule for speakers is one', async () => {
    const conference = await build.conference({ slug: 'intervju-2030', published: true });
    const interviewed = await build.speaker({ slug: 'only-interviewed', name: 'Only Interviewed' });
    const draftOnly = await build.speaker({ slug: 'only-in-draft', name: 'Only In Draft' });
    await build.session(conference, { speakers: [draftOnly], published: false });
    await build.interview(conference, { speakers: [interviewed], published: true, slug: 'the-interview' });

    const { interview } = await lectern.ok(`{ interview(slug: "the-interview") { speakers { slug } } }`);
    expect(interview.speakers).toEqual([{ slug: 'only-interviewed' }]);
    for (const { slug } of interview.speakers)
      expect((await lectern.ok(`{ speaker(slug: "${slug}") { slug } }`)).speaker).toEqual({ slug });

    // Someone only in a draft stays hidden from both.
    const hidden = await lectern.graphql(`{ speaker(slug: "only-in-draft") { slug } }`);
    expect(hidden.errors?.[0].extensions).toMatchObject({ code: 'NOT_FOUND' });
    const { speakers } = await lectern.ok(`{ speakers(first: 100) { edges { node { slug } } } }`);
    const listed = speakers.edges.map((edge: { node: { slug: string } }) => edge.node.slug);
    expect(listed).toContain('only-interviewed');
    expect(listed).not.toContain('only-in-draft');
  });

  describe('feed builds', () => {
    /** Once what a commit set going in the background (webhooks, live subscriptions) has done its reading. */
    const settled = async () => {
      for (let seen = -1; seen !== SqlLogger.statements;) {
        seen = SqlLogger.statements;
        await new Promise((resolve) => setTimeout(resolve, 150));
      }
    };
    /** The SQL statements a feed request costs: none when it is served warm (an agenda's, opening its token). */
    const statements = async (path: string) => {
      await settled();
      const before = SqlLogger.statements;
      expect((await feed(path)).status).toBe(200);
      return SqlLogger.statements - before;
    };

    it("leave conference B's feeds warm when conference A changes, and every programme feed warm through agenda writes", async () => {
      const a = await build.conference({ slug: 'bygg-a-2030', published: true });
      const b = await build.conference({ slug: 'bygg-b-2030', published: true });
      const both = await build.speaker({ slug: 'in-both', name: 'In Both' });
      const onlyB = await build.speaker({ slug: 'only-in-b', name: 'Only In B' });
      const trackB = await build.track(b, { slug: 'spor-b' });
      const inA = await build.session(a, { speakers: [both], published: true });
      const inB = await build.session(b, { speakers: [both, onlyB], track: trackB, published: true });
      const agenda = await agendaWith(inB);
      const bFeeds = [
        `/calendars/conferences/${b.slug}.ics`,
        `/calendars/conferences/${b.slug}/tracks/spor-b.ics`,
        `/calendars/sessions/${rowId(inB.id)}.ics`,
        `/calendars/speakers/only-in-b.ics`,
        agenda,
      ];
      const costs = async (paths: string[]) => {
        const cost: Record<string, number> = {};
        for (const path of paths) cost[path] = await statements(path);
        return cost;
      };
      await costs([...bFeeds, `/calendars/conferences/${a.slug}.ics`, `/calendars/speakers/in-both.ics`]);
      const warm = await costs(bFeeds);
      expect(warm[agenda]).toBe(1);

      await organiser(`mutation { updateSession(id: "${inA.id}", input: { title: [{ locale: "sv", text: "Ändrad i A" }] }) { id } }`);
      expect(await costs(bFeeds)).toEqual(warm);
      // What shows conference A is built again: its programme, and the speaker in both.
      expect(await statements(`/calendars/conferences/${a.slug}.ics`)).toBeGreaterThan(0);
      expect(await statements(`/calendars/speakers/in-both.ics`)).toBeGreaterThan(0);

      // An attendee's agenda write: their agenda's feed again, no programme feed.
      const { createAgenda } = await lectern.ok(`mutation { createAgenda { token } }`);
      await lectern.ok(`mutation ($token: String!, $id: ID!) { addToAgenda(token: $token, sessionId: $id) { token } }`, {
        token: createAgenda.token,
        id: inA.id,
      });
      expect(await costs(bFeeds)).toEqual(warm);
      expect(await statements(`/calendars/conferences/${a.slug}.ics`)).toBe(0);

      // A person's change reaches their feed wherever they appear.
      await organiser(`mutation { updateSpeaker(id: "${onlyB.id}", input: { name: "Only In B, Renamed" }) { id } }`);
      expect(await statements(`/calendars/speakers/only-in-b.ics`)).toBeGreaterThan(0);
      expect(await statements(`/calendars/conferences/${a.slug}.ics`)).toBe(0);
    });
  });
});
