import { DataSource } from 'typeorm';
import { SpeakerOwners1700000000008 } from '../../migrations/1700000000008-speaker-owners';
import { DemoLoader } from '../../src/demo/demo-loader.service';
import { GraphqlResult, Lectern, startLectern } from '../support/lectern';
import { rowId } from '../support/ids';
import { ConferenceRef, ProgrammeBuilder, programmeBuilder, SessionRef, SpeakerRef } from '../support/programme';

const ADD = `mutation ($sessionId: ID!, $speakerId: ID!, $title: String, $organisation: String) {
  addAppearance(input: { sessionId: $sessionId, speakerId: $speakerId, title: $title, organisation: $organisation }) {
    id title organisation speaker { id name email bio(locale: "en") photoUrl }
  }
}`;
const CREATE_INTERVIEW = `mutation ($input: CreateInterviewInput!) { createInterview(input: $input) { id speakers { id email } } }`;
const UPDATE_SPEAKER = `mutation ($id: ID!) { updateSpeaker(id: $id, input: { bio: [{ locale: "en", text: "Rewritten by A" }] }) { id } }`;

/**
 * A speaker's profile belongs to the conference that brought the person in. Another conference
 * may link a person who is already public, sees only their public fields, and never their drafts.
 */
describe('speaker ownership', () => {
  let lectern: Lectern;
  let admin: ProgrammeBuilder;
  let a: { token: string; build: ProgrammeBuilder; conference: ConferenceRef; session: SessionRef };
  let b: { token: string; build: ProgrammeBuilder; conference: ConferenceRef };
  /** Only in a draft session of B's: nobody outside B may know of her. */
  let hidden: SpeakerRef;
  /** In a published session of B's published conference: public, but B's. */
  let known: SpeakerRef;
  let bDraft: SessionRef;
  let bTalk: SessionRef;

  beforeAll(async () => {
    lectern = await startLectern();
    admin = programmeBuilder(lectern);
    const conferenceA = await admin.conference({ name: 'Conference A', published: true });
    const conferenceB = await admin.conference({ name: 'Conference B', published: true });
    const tokenA = (await admin.organiser({ conferences: [conferenceA], name: 'Organiser A' })).token;
    const tokenB = (await admin.organiser({ conferences: [conferenceB], name: 'Organiser B' })).token;
    const buildA = programmeBuilder(lectern, { token: tokenA });
    const buildB = programmeBuilder(lectern, { token: tokenB });
    a = { token: tokenA, build: buildA, conference: conferenceA, session: await buildA.session(conferenceA, { published: true }) };
    b = { token: tokenB, build: buildB, conference: conferenceB };

    hidden = await buildB.speaker({
      conference: conferenceB,
      name: 'Hedda Hidden',
      email: 'hedda@b.example',
      bio: { en: 'Not announced yet.' },
      photoUrl: 'https://b.example/hedda.jpg',
    });
    known = await buildB.speaker({ conference: conferenceB, name: 'Kari Known', email: 'kari@b.example', bio: { en: 'Public bio.' } });
    bDraft = await buildB.session(conferenceB, { title: 'Secret keynote', speakers: [hidden, { speaker: known, title: 'Draft title' }] });
    bTalk = await buildB.session(conferenceB, {
      startsAt: '2030-05-01T14:00:00+02:00',
      speakers: [{ speaker: known, title: 'Researcher', organisation: 'B University' }],
      published: true,
    });
  });
  afterAll(() => lectern.close());

  const as = (who: { token: string }) => ({ token: who.token });
  const code = (result: GraphqlResult) => result.errors?.[0]?.extensions;
  /** An error with the id it names taken out, to compare the answer for one id with another's. */
  const shape = (result: GraphqlResult, id: string) =>
    result.errors?.map(({ message, extensions }) => ({ message: message.replace(`"${id}"`, '"<id>"'), extensions }));
  const missingId = async () => String(rowId((await admin.speaker()).id) + 1000);
  const lineUp = async (session: SessionRef, who: { token: string }) =>
    (await lectern.ok(`{ session(id: "${session.id}") { appearances { speaker { id } } } }`, {}, as(who))).session.appearances.map(
      (appearance: { speaker: { id: string } }) => appearance.speaker.id,
    );

  describe("a speaker only in another conference's draft", () => {
    it('cannot be linked: addAppearance answers NOT_FOUND exactly as for an id that does not exist, and adds nothing', async () => {
      const linked = await lectern.graphql(ADD, { sessionId: a.session.id, speakerId: hidden.id }, as(a));
      expect(linked.data?.addAppearance ?? null).toBeNull();
      expect(code(linked)).toMatchObject({ code: 'NOT_FOUND', field: 'speakerId' });
      expect(JSON.stringify(linked)).not.toMatch(/hedda|Hidden|announced/i);

      const missing = await missingId();
      const absent = await lectern.graphql(ADD, { sessionId: a.session.id, speakerId: missing }, as(a));
      expect(shape(linked, hidden.id)).toEqual(shape(absent, missing));
      expect(await lineUp(a.session, a)).not.toContain(hidden.id);
    });

    it('is no answer to sequential ids: every id is linked or NOT_FOUND alike, and no answer holds a private field', async () => {
      const probe = await a.build.session(a.conference, { title: 'Probe' });
      const highest = Number(await missingId()) - 1000;
      const linked: string[] = [];
      const refusals = new Set<string>();
      for (let id = 1; id <= highest + 2; id++) {
        const result = await lectern.graphql(ADD, { sessionId: probe.id, speakerId: String(id) }, as(a));
        expect(JSON.stringify(result)).not.toMatch(/@b\.example|hedda/i);
        if (result.data?.addAppearance) linked.push(String(id));
        else refusals.add(JSON.stringify(shape(result, String(id))));
      }
      expect(refusals.size).toBe(1);
      expect(JSON.parse([...refusals][0])[0].extensions).toEqual({ code: 'NOT_FOUND', field: 'speakerId' });
      expect(linked).toContain(String(rowId(known.id)));
      expect(linked).not.toContain(hidden.id);
    });

    it('cannot be named in createInterview or updateInterview, as one of the speakers or as who answered', async () => {
      const interview = (slug: string, speakerIds: string[], answeredById?: string) => ({
        input: {
          slug,
          conferenceId: a.conference.id,
          speakerIds,
          title: [{ locale: 'en', text: 'Interview' }],
          language: 'en',
          items: [{ question: [{ locale: 'en', text: 'Q?' }], answer: [{ locale: 'en', text: 'A.' }], answeredById }],
        },
      });
      const missing = await missingId();
      const named = await lectern.graphql(CREATE_INTERVIEW, interview('with-hidden', [known.id, hidden.id]), as(a));
      expect(code(named)).toMatchObject({ code: 'NOT_FOUND', field: 'speakerIds[1]' });
      const absent = await lectern.graphql(CREATE_INTERVIEW, interview('with-nobody', [known.id, missing]), as(a));
      expect(shape(named, hidden.id)).toEqual(shape(absent, missing));
      expect(code(await lectern.graphql(`{ interview(slug: "with-hidden") { id } }`, {}, as(a)))).toMatchObject({ code: 'NOT_FOUND' });

      const answered = await lectern.graphql(CREATE_INTERVIEW, interview('answered-by-hidden', [known.id], hidden.id), as(a));
      expect(code(answered)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'items[0].answeredById' });
      const answeredByNobody = await lectern.graphql(CREATE_INTERVIEW, interview('answered-by-nobody', [known.id], missing), as(a));
      expect(shape(answered, hidden.id)).toEqual(shape(answeredByNobody, missing));

      const own = await a.build.interview(a.conference, { speakers: [known] });
      const replaced = await lectern.graphql(
        `mutation ($id: ID!, $ids: [ID!]!) { updateInterview(id: $id, input: { speakerIds: $ids }) { id } }`,
        { id: own.id, ids: [hidden.id] },
        as(a),
      );
      expect(code(replaced)).toMatchObject({ code: 'NOT_FOUND', field: 'speakerIds[0]' });
      const still = await lectern.ok(`{ interview(slug: "${own.slug}") { speakers { id } } }`, {}, as(a));
      expect(still.interview.speakers).toEqual([{ id: known.id }]);
    });

    it('is in no speaker list or lookup of another organiser', async () => {
      const slug = hidden.slug;
      const lists = await lectern.ok(
        `{ all: speakers(first: 100) { edges { node { id } } } mine: speakers(conferenceSlug: "${a.conference.slug}") { edges { node { id } } }
           theirs: speakers(conferenceSlug: "${b.conference.slug}") { edges { node { id } } } }`,
        {},
        as(a),
      );
      expect(JSON.stringify(lists)).not.toContain(`"${hidden.id}"`);
      expect(code(await lectern.graphql(`{ speaker(slug: "${slug}") { id } }`, {}, as(a)))).toMatchObject({ code: 'NOT_FOUND' });
      const ownView = await lectern.ok(`{ speaker(slug: "${slug}") { email } }`, {}, as(b));
      expect(ownView.speaker.email).toBe('hedda@b.example');
    });
  });

  describe('a public speaker of another conference', () => {
    it('may be linked, showing only public fields, with the appearance title and organisation of its own', async () => {
      const session = await a.build.session(a.conference, { title: 'Panel at A', published: true });
      const linked = await lectern.ok(
        ADD,
        { sessionId: session.id, speakerId: known.id, title: 'Keynote guest', organisation: 'A Corp' },
        as(a),
      );
      expect(linked.addAppearance).toMatchObject({
        title: 'Keynote guest',
        organisation: 'A Corp',
        speaker: { id: known.id, name: 'Kari Known', email: null, bio: 'Public bio.' },
      });

      const seenByA = await lectern.ok(
        `{ session(id: "${session.id}") { appearances { title speaker { email } } }
           speaker(slug: "${known.slug}") { email appearances { title organisation session { id } } }
           speakers(conferenceSlug: "${a.conference.slug}") { edges { node { slug email } } } }`,
        {},
        as(a),
      );
      expect(JSON.stringify(seenByA)).not.toContain('kari@b.example');
      expect(seenByA.session.appearances).toEqual([{ title: 'Keynote guest', speaker: { email: null } }]);
      // B's draft is not A's to see, even through the person they share.
      const sessions = seenByA.speaker.appearances.map((appearance: { session: { id: string } }) => appearance.session.id);
      expect(sessions).toContain(bTalk.id);
      expect(sessions).not.toContain(bDraft.id);
      expect(JSON.stringify(seenByA)).not.toContain('Draft title');

      // B's own appearance keeps B's title; B still reads the e-mail.
      const seenByB = await lectern.ok(
        `{ session(id: "${bTalk.id}") { appearances { title organisation speaker { email } } } }`,
        {},
        as(b),
      );
      expect(seenByB.session.appearances).toEqual([
        { title: 'Researcher', organisation: 'B University', speaker: { email: 'kari@b.example' } },
      ]);
    });

    it('may be interviewed by A, who sees no private field in the interview', async () => {
      const created = await lectern.ok(
        CREATE_INTERVIEW,
        {
          input: {
            slug: 'kari-at-a',
            conferenceId: a.conference.id,
            speakerIds: [known.id],
            title: [{ locale: 'en', text: 'Kari at A' }],
            language: 'en',
            items: [{ question: [{ locale: 'en', text: 'Why?' }], answer: [{ locale: 'en', text: 'Because.' }], answeredById: known.id }],
          },
        },
        as(a),
      );
      expect(created.createInterview.speakers).toEqual([{ id: known.id, email: null }]);
      const items = await lectern.ok(`{ interview(slug: "kari-at-a") { items { answeredBy { id email } } } }`, {}, as(a));
      expect(items.interview.items).toEqual([{ answeredBy: { id: known.id, email: null } }]);
    });

    it('stays B’s to edit and delete: A is refused and the profile is unchanged', async () => {
      for (const speaker of [known, hidden]) {
        expect(code(await lectern.graphql(UPDATE_SPEAKER, { id: speaker.id }, as(a)))).toMatchObject({ code: 'FORBIDDEN' });
        const email = await lectern.graphql(
          `mutation ($id: ID!) { updateSpeaker(id: $id, input: { email: "harvest@a.example" }) { email } }`,
          { id: speaker.id },
          as(a),
        );
        expect(code(email)).toMatchObject({ code: 'FORBIDDEN' });
        expect(
          code(await lectern.graphql(`mutation ($id: ID!) { deleteSpeaker(id: $id) { id } }`, { id: speaker.id }, as(a))),
        ).toMatchObject({
          code: 'FORBIDDEN',
        });
      }
      const profile = await lectern.ok(`{ speaker(slug: "${known.slug}") { bio(locale: "en") email } }`, {}, as(b));
      expect(profile.speaker).toEqual({ bio: 'Public bio.', email: 'kari@b.example' });
      // The owner may still change the person A has linked, and the change is public through both conferences.
      await lectern.ok(
        `mutation ($id: ID!) { updateSpeaker(id: $id, input: { name: "Kari Known-Berg" }) { id } }`,
        { id: known.id },
        as(b),
      );
      expect((await lectern.ok(`{ speaker(slug: "${known.slug}") { name } }`)).speaker.name).toBe('Kari Known-Berg');
    });

    it("is named in A's conflicts without B's draft or the e-mail", async () => {
      const clash = await a.build.session(a.conference, { title: 'Clash at A', startsAt: '2030-05-01T10:00:00+02:00', speakers: [known] });
      const { conflicts } = await lectern.ok(
        `query ($slug: String!) { conflicts(conferenceSlug: $slug) { code message sessions { id } speakers { id email } } }`,
        { slug: a.conference.slug },
        as(a),
      );
      const doubleBooked = conflicts.filter(
        (c: { code: string; sessions: { id: string }[] }) =>
          c.code === 'SPEAKER_DOUBLE_BOOKED' && c.sessions.some((s) => s.id === clash.id),
      );
      expect(doubleBooked.length).toBeGreaterThan(0);
      for (const conflict of doubleBooked) {
        expect(conflict.speakers).toEqual([{ id: known.id, email: null }]);
        expect(conflict.sessions.map((s: { id: string }) => s.id)).not.toContain(bDraft.id);
      }
      expect(JSON.stringify(doubleBooked)).not.toContain('Secret keynote');
      expect(JSON.stringify(doubleBooked)).toContain('a session of another conference');
    });
  });

  it('lets an interview keep a speaker who is no longer public, without making them linkable elsewhere', async () => {
    const guest = await b.build.speaker({ conference: b.conference, email: 'guest@b.example' });
    const guestTalk = await b.build.session(b.conference, { startsAt: '2030-05-02T09:00:00+02:00', speakers: [guest], published: true });
    const interview = await a.build.interview(a.conference, { speakers: [guest] });
    await lectern.ok(`mutation ($id: ID!) { unpublishSession(id: $id) { id } }`, { id: guestTalk.id }, as(b));

    const kept = await lectern.graphql(
      `mutation ($id: ID!, $ids: [ID!]!) { updateInterview(id: $id, input: { speakerIds: $ids }) { speakers { id email } } }`,
      { id: interview.id, ids: [guest.id] },
      as(a),
    );
    expect(kept.data?.updateInterview.speakers).toEqual([{ id: guest.id, email: null }]);
    const linked = await lectern.graphql(ADD, { sessionId: a.session.id, speakerId: guest.id }, as(a));
    expect(code(linked)).toMatchObject({ code: 'NOT_FOUND', field: 'speakerId' });
  });

  it('moves a profile only to another conference its owner organises', async () => {
    const third = await admin.conference({ published: true });
    const both = { token: (await admin.organiser({ conferences: [a.conference, third] })).token };
    const person = await programmeBuilder(lectern, as(both)).speaker({ conference: a.conference, email: 'moving@a.example' });
    const move = (conferenceId: string | null) =>
      lectern.graphql(
        `mutation ($id: ID!, $to: ID) { updateSpeaker(id: $id, input: { conferenceId: $to }) { id } }`,
        {
          id: person.id,
          to: conferenceId,
        },
        as(both),
      );

    expect(code(await move(b.conference.id))).toMatchObject({ code: 'FORBIDDEN', field: 'conferenceId' });
    expect(code(await move(null))).toMatchObject({ code: 'FORBIDDEN', field: 'conferenceId' });
    expect(code(await move(third.id))).toBeUndefined();
    // Now the third conference's: the organiser of A alone has lost it.
    expect(code(await lectern.graphql(UPDATE_SPEAKER, { id: person.id }, as(a)))).toMatchObject({ code: 'FORBIDDEN' });
    expect((await lectern.ok(`{ speaker(slug: "${person.slug}") { email } }`, {}, as(both))).speaker.email).toBe('moving@a.example');
  });

  describe('creating a speaker', () => {
    const CREATE = `mutation ($input: CreateSpeakerInput!) { createSpeaker(input: $input) { id slug email } }`;

    it('needs an organiser to name a conference of theirs, which then owns the profile', async () => {
      const without = await lectern.graphql(CREATE, { input: { slug: 'no-owner', name: 'No Owner' } }, as(a));
      expect(code(without)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'conferenceId' });
      const elsewhere = await lectern.graphql(CREATE, { input: { slug: 'other-owner', name: 'X', conferenceId: b.conference.id } }, as(a));
      expect(code(elsewhere)).toMatchObject({ code: 'FORBIDDEN', field: 'conferenceId' });

      const own = await lectern.ok(
        CREATE,
        { input: { slug: 'own-person', name: 'Own Person', email: 'own@a.example', conferenceId: a.conference.id } },
        as(a),
      );
      expect(own.createSpeaker.email).toBe('own@a.example');
      // Not yet in any session: its owner finds and edits it, nobody else sees it or may link it.
      expect((await lectern.ok(`{ speaker(slug: "own-person") { email } }`, {}, as(a))).speaker.email).toBe('own@a.example');
      expect(code(await lectern.graphql(UPDATE_SPEAKER, { id: own.createSpeaker.id }, as(a)))).toBeUndefined();
      expect(code(await lectern.graphql(`{ speaker(slug: "own-person") { id } }`, {}, as(b)))).toMatchObject({ code: 'NOT_FOUND' });
      const bSession = await b.build.session(b.conference);
      expect(code(await lectern.graphql(ADD, { sessionId: bSession.id, speakerId: own.createSpeaker.id }, as(b)))).toMatchObject({
        code: 'NOT_FOUND',
        field: 'speakerId',
      });
      expect(code(await lectern.graphql(UPDATE_SPEAKER, { id: own.createSpeaker.id }, as(b)))).toMatchObject({ code: 'FORBIDDEN' });
    });

    it("leaves an admin's speaker without a conference to the admins", async () => {
      const person = await admin.speaker({ email: 'admins@example.org' });
      await admin.session(a.conference, { speakers: [person], published: true });
      expect(code(await lectern.graphql(UPDATE_SPEAKER, { id: person.id }, as(a)))).toMatchObject({ code: 'FORBIDDEN' });
      expect((await lectern.ok(`{ speaker(slug: "${person.slug}") { email } }`, {}, as(a))).speaker.email).toBeNull();
      expect((await lectern.ok(`{ speaker(slug: "${person.slug}") { email } }`, {}, { as: 'organiser' })).speaker.email).toBe(
        'admins@example.org',
      );
    });
  });

  it('gives existing speakers to the conference of their first appearance when the migration runs', async () => {
    const first = await admin.conference({ published: true });
    const second = await admin.conference({ published: true });
    const person = await admin.speaker({ email: 'moved@example.org' });
    await admin.session(second, { speakers: [person], published: true });
    const firstSession = await admin.session(first, { published: true });
    await admin.appearance(firstSession, person);
    const unlinked = await admin.speaker();

    // Undone and redone as TypeORM runs migrations: foreign keys off (SQLite), in one transaction.
    const runner = lectern.app.get(DataSource).createQueryRunner();
    const migration = new SpeakerOwners1700000000008();
    try {
      await runner.beforeMigration();
      await runner.startTransaction();
      await migration.down(runner);
      await migration.up(runner);
      await runner.commitTransaction();
    } finally {
      await runner.afterMigration();
      await runner.release();
    }

    const ofSecond = { token: (await admin.organiser({ conferences: [second] })).token };
    const ofFirst = { token: (await admin.organiser({ conferences: [first] })).token };
    expect((await lectern.ok(`{ speaker(slug: "${person.slug}") { email } }`, {}, as(ofSecond))).speaker.email).toBe('moved@example.org');
    expect((await lectern.ok(`{ speaker(slug: "${person.slug}") { email } }`, {}, as(ofFirst))).speaker.email).toBeNull();
    expect(code(await lectern.graphql(UPDATE_SPEAKER, { id: person.id }, as(ofFirst)))).toMatchObject({ code: 'FORBIDDEN' });
    expect(code(await lectern.graphql(UPDATE_SPEAKER, { id: unlinked.id }, as(ofSecond)))).toMatchObject({ code: 'FORBIDDEN' });
    // The owners set before the migration ran again come out the same: B's people are still B's.
    expect((await lectern.ok(`{ speaker(slug: "${known.slug}") { email } }`, {}, as(b))).speaker.email).toBe('kari@b.example');
  });

  it('loads the demo with each person owned by the first conference that names them', async () => {
    await lectern.app.get(DemoLoader).load();
    const ids = await lectern.ok(
      `{ digstrat: conference(slug: "digstrat-2018") { id } umea: conference(slug: "umea-jobbhackathon-2016") { id } }`,
    );
    const digstrat = { token: await lectern.organiserToken([ids.digstrat.id]) };
    const umea = { token: await lectern.organiserToken([ids.umea.id]) };
    const erik = (await lectern.ok(`{ speaker(slug: "erik-sandstrom") { id } }`)).speaker.id;
    // Erik speaks at DigStrat (loaded first) and at Umeå.
    expect(code(await lectern.graphql(UPDATE_SPEAKER, { id: erik }, as(digstrat)))).toBeUndefined();
    expect(code(await lectern.graphql(UPDATE_SPEAKER, { id: erik }, as(umea)))).toMatchObject({ code: 'FORBIDDEN' });
  });
});
