import { Lectern, startLectern } from '../support/lectern';
import { ConferenceRef, ProgrammeBuilder, programmeBuilder } from '../support/programme';

const CREATE_CONFERENCE = `mutation ($input: CreateConferenceInput!) { createConference(input: $input) { id slug status timeZone defaultLocale } }`;
const CREATE_SESSION = `mutation ($input: CreateSessionInput!) {
  createSession(input: $input) { id uid revision status published startsAt endsAt localStartsAt title room { slug } track { slug } }
}`;
const UPDATE_SESSION = `mutation ($id: ID!, $input: UpdateSessionInput!) { updateSession(id: $id, input: $input) { id revision title status startsAt } }`;

const oslo = {
  slug: 'teknologi-2021',
  name: 'Teknologi og politikk 2021',
  startDate: '2021-08-18',
  endDate: '2021-08-19',
  timeZone: 'Europe/Oslo',
  defaultLocale: 'nb',
  description: [{ locale: 'nb', text: 'Om teknologi og politikk.' }],
};

describe('organiser mutations', () => {
  let lectern: Lectern;
  let build: ProgrammeBuilder;
  let conference: ConferenceRef;
  let conferenceId: string;
  let roomId: string;
  let trackId: string;

  beforeAll(async () => {
    lectern = await startLectern();
    build = programmeBuilder(lectern);
    conference = await build.conference(oslo);
    conferenceId = conference.id;
    roomId = (await build.room(conference, { slug: 'sal-a', name: 'Sal A' })).id;
    trackId = (await build.track(conference, { slug: 'etikk', name: 'Etikk', color: '#1a7f37' })).id;
  });
  afterAll(() => lectern.close());

  const organiser = (query: string, variables?: Record<string, unknown>) => lectern.ok(query, variables, { as: 'organiser' });
  const refused = async (query: string, variables: Record<string, unknown>) => {
    const result = await lectern.graphql(query, variables, { as: 'organiser' });
    expect(result.errors).toHaveLength(1);
    return result.errors![0];
  };
  const sessionCount = async () =>
    (await organiser(`{ sessions(conferenceSlug: "${oslo.slug}") { totalCount } }`)).sessions.totalCount as number;
  const newSession = (input: Record<string, unknown> = {}) =>
    organiser(CREATE_SESSION, {
      input: {
        conferenceId,
        title: [
          { locale: 'nb', text: 'Åpning' },
          { locale: 'en', text: 'Opening' },
        ],
        format: 'TALK',
        language: 'nb',
        startsAt: '2021-08-18T10:00:00+02:00',
        endsAt: '2021-08-18T10:30:00+02:00',
        ...input,
      },
    }).then((data) => data.createSession);

  describe('access', () => {
    it('refuses every mutation without the organiser token, and writes nothing', async () => {
      for (const token of [undefined, 'wrong-token']) {
        const result = await lectern.graphql(CREATE_CONFERENCE, { input: { ...oslo, slug: 'sneaky' } }, { token });
        expect(result.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
        expect(result.data?.createConference ?? null).toBeNull();
      }
      const check = await lectern.graphql(`{ conference(slug: "sneaky") { id } }`, {}, { as: 'organiser' });
      expect(check.errors?.[0].extensions?.code).toBe('NOT_FOUND');
    });
  });

  describe('drafts and publishing', () => {
    it('keeps a new conference and its sessions out of public view until both are published', async () => {
      const session = await newSession();
      const publicView = () =>
        lectern.graphql(`{ conference(slug: "${oslo.slug}") { slug sessions { totalCount } } session(id: "${session.id}") { id } }`);

      let result = await publicView();
      expect(result.data?.conference).toBeNull();
      expect(result.data?.session).toBeNull();
      expect(result.errors?.map((e) => e.extensions?.code)).toEqual(['NOT_FOUND', 'NOT_FOUND']);

      await organiser(`mutation { publishConference(id: "${conferenceId}") { status } }`);
      result = await publicView();
      expect(result.data?.conference).toEqual({ slug: oslo.slug, sessions: { totalCount: 0 } });
      expect(result.data?.session).toBeNull();

      const published = await organiser(`mutation { publishSession(id: "${session.id}") { published } }`);
      expect(published.publishSession.published).toBe(true);
      result = await publicView();
      expect(result.errors).toBeUndefined();
      expect(result.data?.conference.sessions.totalCount).toBe(1);

      await organiser(`mutation { unpublishSession(id: "${session.id}") { published } }`);
      expect((await publicView()).data?.session).toBeNull();

      await organiser(`mutation { publishSession(id: "${session.id}") { published } }`);
      await organiser(`mutation { unpublishConference(id: "${conferenceId}") { status } }`);
      expect((await publicView()).data?.session).toBeNull();
      await organiser(`mutation { publishConference(id: "${conferenceId}") { status } }`);
    });

    it('hides a speaker whose only sessions are drafts', async () => {
      const speaker = await build.speaker({ slug: 'hemmelig', name: 'Hemmelig Taler' });
      const draft = await newSession();
      await organiser(`mutation { addAppearance(input: { sessionId: "${draft.id}", speakerId: "${speaker.id}" }) { id } }`);
      const hidden = await lectern.graphql(`{ speaker(slug: "hemmelig") { name } speakers(text: "hemmelig") { totalCount } }`);
      expect(hidden.data?.speaker).toBeNull();
      expect(hidden.data?.speakers.totalCount).toBe(0);
      expect((await organiser(`{ speaker(slug: "hemmelig") { name } }`)).speaker.name).toBe('Hemmelig Taler');

      await organiser(`mutation { publishSession(id: "${draft.id}") { id } }`);
      const shown = await lectern.ok(`{ speaker(slug: "hemmelig") { name } }`);
      expect(shown.speaker.name).toBe('Hemmelig Taler');
    });
  });

  describe('sessions', () => {
    it('creates a session with a stable uid, in the conference time zone', async () => {
      const session = await newSession({ roomId, trackId });
      expect(session).toMatchObject({
        revision: 0,
        status: 'CONFIRMED',
        published: false,
        startsAt: '2021-08-18T08:00:00.000Z',
        localStartsAt: '2021-08-18T10:00:00+02:00',
        title: 'Åpning',
        room: { slug: 'sal-a' },
        track: { slug: 'etikk' },
      });
      expect(session.uid).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
      const again = await organiser(`{ session(id: "${session.id}") { uid } }`);
      expect(again.session.uid).toBe(session.uid);
    });

    it('bumps the revision on every change a calendar shows, and only then', async () => {
      const session = await newSession();
      const update = async (input: Record<string, unknown>) => (await organiser(UPDATE_SESSION, { id: session.id, input })).updateSession;

      expect((await update({ notes: 'Internal note' })).revision).toBe(0);
      expect((await update({ title: [{ locale: 'nb', text: 'Ny tittel' }] })).revision).toBe(1);
      expect((await update({ startsAt: '2021-08-18T11:00:00+02:00', endsAt: '2021-08-18T11:30:00+02:00' })).revision).toBe(2);
      expect((await update({ roomId })).revision).toBe(3);
      expect((await update({ roomId })).revision).toBe(3);
      expect((await update({ status: 'TENTATIVE' })).revision).toBe(4);

      const cancelled = (await organiser(`mutation { cancelSession(id: "${session.id}") { status revision } }`)).cancelSession;
      expect(cancelled).toEqual({ status: 'CANCELLED', revision: 5 });
      expect((await organiser(`{ session(id: "${session.id}") { status } }`)).session.status).toBe('CANCELLED');
    });

    it('bumps the revision when speakers join, move or leave, and keeps the line-up in order', async () => {
      const session = await newSession({ format: 'PANEL' });
      const ids: string[] = [];
      for (const [slug, name] of [
        ['ada', 'Ada'],
        ['bo', 'Bo'],
        ['cy', 'Cy'],
      ]) {
        const speaker = await build.speaker({ slug, name });
        const appearance = (
          await organiser(
            `mutation { addAppearance(input: { sessionId: "${session.id}", speakerId: "${speaker.id}", role: PANELIST, title: "rådgiver", organisation: "Civita" }) { id position } }`,
          )
        ).addAppearance;
        ids.push(appearance.id);
      }
      const lineUp = async () =>
        (await organiser(`{ session(id: "${session.id}") { revision appearances { id position role affiliation speaker { name } } } }`))
          .session;

      let current = await lineUp();
      expect(current.revision).toBe(3);
      expect(current.appearances.map((a: any) => a.speaker.name)).toEqual(['Ada', 'Bo', 'Cy']);
      expect(current.appearances[0].affiliation).toBe('rådgiver, Civita');

      await organiser(`mutation { moveAppearance(id: "${ids[2]}", position: 0) { id } }`);
      current = await lineUp();
      expect(current.appearances.map((a: any) => [a.speaker.name, a.position])).toEqual([
        ['Cy', 0],
        ['Ada', 1],
        ['Bo', 2],
      ]);
      expect(current.revision).toBe(4);

      await organiser(`mutation { updateAppearance(id: "${ids[1]}", input: { role: MODERATOR }) { role } }`);
      await organiser(`mutation { removeAppearance(id: "${ids[0]}") { id } }`);
      current = await lineUp();
      expect(current.appearances.map((a: any) => [a.speaker.name, a.position, a.role])).toEqual([
        ['Cy', 0, 'PANELIST'],
        ['Bo', 1, 'MODERATOR'],
      ]);
      expect(current.revision).toBe(6);

      const twice = await refused(`mutation ($input: AddAppearanceInput!) { addAppearance(input: $input) { id } }`, {
        input: { sessionId: session.id, speakerId: (await organiser(`{ speaker(slug: "bo") { id } }`)).speaker.id },
      });
      expect(twice.extensions).toMatchObject({ code: 'CONFLICT', field: 'speakerId' });
    });

    it('deletes a session for good', async () => {
      const session = await newSession();
      await organiser(`mutation { deleteSession(id: "${session.id}") { id } }`);
      const result = await lectern.graphql(`{ session(id: "${session.id}") { id } }`, {}, { as: 'organiser' });
      expect(result.errors?.[0].extensions?.code).toBe('NOT_FOUND');
    });
  });

  describe('validation', () => {
    const conferenceCases: [string, Record<string, unknown>, string][] = [
      ['a slug with capitals and spaces', { slug: 'Not A Slug' }, 'slug'],
      ['an unknown time zone', { timeZone: 'Europe/Atlantis' }, 'timeZone'],
      ['a UTC offset instead of a zone', { timeZone: 'UTC+1' }, 'timeZone'],
      ['a locale that is no BCP 47 tag', { defaultLocale: 'not a locale' }, 'defaultLocale'],
      ['a javascript: URL', { websiteUrl: 'javascript:alert(1)' }, 'websiteUrl'],
      ['an ftp URL', { websiteUrl: 'ftp://example.org/' }, 'websiteUrl'],
      ['an impossible date', { startDate: '2021-02-30' }, 'startDate'],
      ['an end before the start', { startDate: '2021-08-19', endDate: '2021-08-18' }, 'endDate'],
      ['an empty name', { name: '  ' }, 'name'],
    ];
    it.each(conferenceCases)('refuses a conference with %s, naming the field', async (_, change, field) => {
      const error = await refused(CREATE_CONFERENCE, { input: { ...oslo, slug: 'valid-slug', ...change } });
      expect(error.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
      expect(error.message).toContain(field);
      const written = await lectern.graphql(`{ conference(slug: "valid-slug") { id } }`, {}, { as: 'organiser' });
      expect(written.data?.conference).toBeNull();
    });

    it('lists every problem of one input at once', async () => {
      const error = await refused(CREATE_CONFERENCE, { input: { ...oslo, slug: 'Bad Slug', timeZone: 'Mars/Olympus' } });
      expect(error.extensions?.problems?.map((p) => p.field)).toEqual(['slug', 'timeZone']);
    });

    it('refuses a second conference with the same slug as a CONFLICT', async () => {
      const error = await refused(CREATE_CONFERENCE, { input: oslo });
      expect(error.extensions).toMatchObject({ code: 'CONFLICT', field: 'slug' });
    });

    it('checks slugs of rooms within their conference', async () => {
      const error = await refused(`mutation ($input: CreateRoomInput!) { createRoom(input: $input) { id } }`, {
        input: { conferenceId, slug: 'sal-a', name: 'Another Sal A' },
      });
      expect(error.extensions).toMatchObject({ code: 'CONFLICT', field: 'slug' });
    });

    const sessionCases: [string, Record<string, unknown>, string][] = [
      ['an end before its start', { startsAt: '2021-08-18T11:00:00+02:00', endsAt: '2021-08-18T10:00:00+02:00' }, 'endsAt'],
      ['a start without an end', { startsAt: '2021-08-18T11:00:00+02:00', endsAt: null }, 'endsAt'],
      [
        'a start before the first day in Oslo (23:30 local the day before)',
        { startsAt: '2021-08-17T21:30:00Z', endsAt: '2021-08-17T22:30:00Z' },
        'startsAt',
      ],
      ['an end after the last day in Oslo', { startsAt: '2021-08-19T21:00:00Z', endsAt: '2021-08-19T22:30:00Z' }, 'endsAt'],
      ['a title in no language', { title: [] }, 'title'],
      ['a title in an invalid locale', { title: [{ locale: '12345', text: 'x' }] }, 'title[0].locale'],
      ['an invalid language', { language: '!!' }, 'language'],
      ['a stream URL that is not http(s)', { streamUrl: 'javascript:alert(1)' }, 'streamUrl'],
      ['a status of CANCELLED at creation', { status: 'CANCELLED' }, 'status'],
    ];
    it.each(sessionCases)('refuses a session with %s, naming the field', async (_, change, field) => {
      const before = await sessionCount();
      const error = await refused(CREATE_SESSION, {
        input: {
          conferenceId,
          title: [{ locale: 'nb', text: 'Ugyldig' }],
          format: 'TALK',
          language: 'nb',
          startsAt: '2021-08-18T10:00:00+02:00',
          endsAt: '2021-08-18T10:30:00+02:00',
          ...change,
        },
      });
      expect(error.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
      expect(await sessionCount()).toBe(before);
    });

    it('accepts a session early on the first day, which is still the day before in UTC', async () => {
      const session = await newSession({ startsAt: '2021-08-17T22:30:00Z', endsAt: '2021-08-17T23:00:00Z' });
      expect(session.localStartsAt).toBe('2021-08-18T00:30:00+02:00');
    });

    it('refuses a room or track of another conference', async () => {
      const other = await build.conference({ ...oslo, slug: 'other-conference' });
      const otherRoom = await build.room(other);
      const otherTrack = await build.track(other);
      const before = await sessionCount();
      for (const [input, field] of [
        [{ roomId: otherRoom.id }, 'roomId'],
        [{ trackId: otherTrack.id }, 'trackId'],
      ] as const) {
        const error = await refused(CREATE_SESSION, {
          input: { conferenceId, title: [{ locale: 'nb', text: 'x' }], format: 'TALK', language: 'nb', ...input },
        });
        expect(error.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
      }
      expect(await sessionCount()).toBe(before);
    });

    it('refuses a date-time without an offset, naming the variable path', async () => {
      const result = await lectern.graphql(
        CREATE_SESSION,
        {
          input: {
            conferenceId,
            title: [{ locale: 'nb', text: 'x' }],
            format: 'TALK',
            language: 'nb',
            startsAt: '2021-08-18 10:00',
            endsAt: null,
          },
        },
        { as: 'organiser' },
      );
      expect(result.status).toBe(400);
      expect(result.errors?.[0].message).toContain('startsAt');
    });

    it('answers NOT_FOUND for ids that do not exist', async () => {
      for (const id of ['999999', 'abc', '-1']) {
        const error = await refused(UPDATE_SESSION, { id, input: { notes: 'x' } });
        expect(error.extensions).toMatchObject({ code: 'NOT_FOUND', field: 'id' });
      }
    });
  });

  describe('speakers', () => {
    it('checks the e-mail address', async () => {
      const error = await refused(`mutation { createSpeaker(input: { slug: "bad-mail", name: "X", email: "not-an-address" }) { id } }`, {});
      expect(error.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'email' });
    });

    it('updates and deletes a speaker, with their appearances', async () => {
      const speaker = await build.speaker({ slug: 'kortvarig', name: 'Kort Varig', bio: { nb: 'Bio' } });
      const session = await newSession();
      await organiser(`mutation { addAppearance(input: { sessionId: "${session.id}", speakerId: "${speaker.id}" }) { id } }`);
      const updated = await organiser(
        `mutation { updateSpeaker(id: "${speaker.id}", input: { name: "Kort Varig-Lang", otherNames: ["K. Varig"], links: [{ label: "Nettside", url: "https://example.org" }] }) { name otherNames links { url } bio } }`,
      );
      expect(updated.updateSpeaker).toEqual({
        name: 'Kort Varig-Lang',
        otherNames: ['K. Varig'],
        links: [{ url: 'https://example.org' }],
        bio: 'Bio',
      });
      await organiser(`mutation { deleteSpeaker(id: "${speaker.id}") { id } }`);
      const after = await organiser(`{ session(id: "${session.id}") { appearances { id } } }`);
      expect(after.session.appearances).toEqual([]);
    });
  });

  describe('interviews', () => {
    const CREATE_INTERVIEW = `mutation ($input: CreateInterviewInput!) { createInterview(input: $input) { id slug } }`;

    it('creates, updates and deletes an interview with ordered items', async () => {
      const a = await build.speaker({ slug: 'intervjuet', name: 'Intervjuet' });
      const session = await newSession();
      const created = (
        await organiser(CREATE_INTERVIEW, {
          input: {
            slug: 'tre-sporsmal',
            sessionId: session.id,
            speakerIds: [a.id],
            title: [{ locale: 'nb', text: 'Tre spørsmål' }],
            language: 'nb',
            published: true,
            items: [
              { question: [{ locale: 'nb', text: 'Første?' }], answer: [{ locale: 'nb', text: 'Svar en.' }], answeredById: a.id },
              { question: [{ locale: 'nb', text: 'Andre?' }], answer: [{ locale: 'nb', text: 'Svar to.' }], askedBy: 'Publikum' },
            ],
          },
        })
      ).createInterview;
      const read = async () =>
        (
          await organiser(
            `{ interview(slug: "tre-sporsmal") { title conference { slug } session { id } speakers { slug } items { position question answer askedBy answeredBy { slug } } } }`,
          )
        ).interview;
      expect(await read()).toEqual({
        title: 'Tre spørsmål',
        conference: { slug: oslo.slug },
        session: { id: session.id },
        speakers: [{ slug: 'intervjuet' }],
        items: [
          { position: 0, question: 'Første?', answer: 'Svar en.', askedBy: null, answeredBy: { slug: 'intervjuet' } },
          { position: 1, question: 'Andre?', answer: 'Svar to.', askedBy: 'Publikum', answeredBy: null },
        ],
      });

      await organiser(`mutation ($id: ID!, $input: UpdateInterviewInput!) { updateInterview(id: $id, input: $input) { id } }`, {
        id: created.id,
        input: { items: [{ question: [{ locale: 'nb', text: 'Bare ett?' }], answer: [{ locale: 'nb', text: 'Ja.' }] }] },
      });
      expect((await read()).items.map((i: any) => i.question)).toEqual(['Bare ett?']);

      await organiser(`mutation { deleteInterview(id: "${created.id}") { id } }`);
      const gone = await lectern.graphql(`{ interview(slug: "tre-sporsmal") { id } }`, {}, { as: 'organiser' });
      expect(gone.errors?.[0].extensions?.code).toBe('NOT_FOUND');
    });

    it('rolls back the whole mutation when a late rule fails: an answer by someone not interviewed', async () => {
      const a = await build.speaker({ slug: 'svarer', name: 'Svarer' });
      const b = await build.speaker({ slug: 'utenfor', name: 'Utenfor' });
      const error = await refused(CREATE_INTERVIEW, {
        input: {
          slug: 'halvveis',
          speakerIds: [a.id],
          title: [{ locale: 'nb', text: 'Halvveis' }],
          language: 'nb',
          items: [{ question: [{ locale: 'nb', text: '?' }], answer: [{ locale: 'nb', text: '!' }], answeredById: b.id }],
        },
      });
      expect(error.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'items[0].answeredById' });
      const written = await lectern.graphql(`{ interview(slug: "halvveis") { id } }`, {}, { as: 'organiser' });
      expect(written.data?.interview).toBeNull();
    });
  });

  describe('conferences', () => {
    it('updates a conference and deletes it with everything in it', async () => {
      const created = await build.conference({ ...oslo, slug: 'kortlivet' });
      const updated = await organiser(
        `mutation { updateConference(id: "${created.id}", input: { name: "Kortlivet", city: "Bergen", defaultLocale: "en-gb" }) { name city defaultLocale slug } }`,
      );
      expect(updated.updateConference).toEqual({ name: 'Kortlivet', city: 'Bergen', defaultLocale: 'en-GB', slug: 'kortlivet' });
      await build.room(created);
      await organiser(`mutation { deleteConference(id: "${created.id}") { id } }`);
      const gone = await lectern.graphql(`{ conference(slug: "kortlivet") { id } }`, {}, { as: 'organiser' });
      expect(gone.errors?.[0].extensions?.code).toBe('NOT_FOUND');
    });

    it('keeps the languages a conference publishes in, its default first, and never drops one when the default changes', async () => {
      const LOCALES = `mutation ($input: UpdateConferenceInput!) { updateConference(input: $input) { defaultLocale locales } }`;
      const created = await organiser(
        `mutation ($input: CreateConferenceInput!) { createConference(input: $input) { id defaultLocale locales } }`,
        { input: { ...oslo, slug: 'flerspraklig', locales: ['en', 'SV-se', 'nb', 'en'] } },
      );
      const id = created.createConference.id;
      expect(created.createConference).toMatchObject({ defaultLocale: 'nb', locales: ['nb', 'en', 'sv-SE'] });

      expect((await organiser(LOCALES, { input: { id, defaultLocale: 'sv-SE' } })).updateConference).toEqual({
        defaultLocale: 'sv-SE',
        locales: ['sv-SE', 'nb', 'en'],
      });
      expect((await organiser(LOCALES, { input: { id, locales: ['en'] } })).updateConference.locales).toEqual(['sv-SE', 'en']);

      const refused = await lectern.graphql(LOCALES, { input: { id, locales: ['en', 'norsk'] } }, { as: 'organiser' });
      expect(refused.errors?.[0]).toMatchObject({ message: expect.stringContaining('locales'), extensions: { code: 'BAD_USER_INPUT' } });
      expect(refused.errors?.[0].message).toContain('"norsk"');
      expect((await organiser(`{ conference(slug: "flerspraklig") { locales } }`)).conference.locales).toEqual(['sv-SE', 'en']);

      expect((await organiser(LOCALES, { input: { id, locales: null } })).updateConference.locales).toEqual(['sv-SE']);
      // A conference made without them publishes in its default language.
      expect((await organiser(`{ conference(slug: "${oslo.slug}") { locales } }`)).conference.locales).toEqual(['nb']);
    });

    it('updates and deletes rooms and tracks; their sessions stay', async () => {
      const room = (
        await organiser(
          `mutation { createRoom(input: { conferenceId: "${conferenceId}", slug: "midlertidig", name: "Midlertidig", streamUrl: "https://stream.example.org/a" }) { id online } }`,
        )
      ).createRoom;
      expect(room.online).toBe(true);
      const renamed = await organiser(
        `mutation { updateRoom(id: "${room.id}", input: { name: "Sal B", streamUrl: null }) { name online } }`,
      );
      expect(renamed.updateRoom).toEqual({ name: 'Sal B', online: false });
      const session = await newSession({ roomId: room.id });
      await organiser(`mutation { deleteRoom(id: "${room.id}") { id } }`);
      expect((await organiser(`{ session(id: "${session.id}") { id room { id } } }`)).session).toEqual({ id: session.id, room: null });

      const track = await build.track(conference);
      expect(
        (await organiser(`mutation { updateTrack(id: "${track.id}", input: { color: "#ff0000" }) { color } }`)).updateTrack.color,
      ).toBe('#ff0000');
      const badColour = await refused(`mutation { updateTrack(id: "${track.id}", input: { color: "red" }) { color } }`, {});
      expect(badColour.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'color' });
      await organiser(`mutation { deleteTrack(id: "${track.id}") { id } }`);
    });
  });
});
