import { readFileSync } from 'node:fs';
import ICAL from 'ical.js';
import { DataSource } from 'typeorm';
import { GraphqlResult, Lectern, startLectern } from '../support/lectern';
import { rowId } from '../support/ids';
import { ConferenceRef, InterviewRef, ProgrammeBuilder, programmeBuilder, SessionRef, SpeakerRef } from '../support/programme';
import { signInSpeaker } from '../support/speakers';
import { CREATE_WEBHOOK, eventually, Receiver } from '../support/webhook-receiver';

const MERGE = `mutation ($input: MergeSpeakersInput!) {
  mergeSpeakers(input: $input) { id slug name otherNames otherSlugs }
}`;
const SPEAKER = `query ($slug: String!) {
  speaker(slug: $slug) {
    id slug name otherNames otherSlugs email
    en: bio(locale: "en") enLocale: bioLocale(locale: "en") sv: bio(locale: "sv") svLocale: bioLocale(locale: "sv")
    appearances { title organisation session { id title } }
    interviews { slug items { answeredBy { id } } }
  }
}`;

/** The rows that name a speaker, by table, as the database holds them. */
const TABLES = ['speakers', 'speaker_slugs', 'appearances', 'interview_speakers', 'interview_items', 'speaker_invitations'];

/**
 * Two records of the same person, met in two conferences' sources, become one: the kept record
 * has every appearance and interview, the other spelling and both bios, and the other record's
 * slug leads to it wherever a slug is looked up.
 */
describe('merging two records of one speaker', () => {
  const receiver = new Receiver();
  let lectern: Lectern;
  let admin: ProgrammeBuilder;
  let stockholm: ConferenceRef;
  let oslo: ConferenceRef;
  let keep: SpeakerRef;
  let merged: SpeakerRef;
  let talk: SessionRef;
  let panel: SessionRef;
  let osloTalk: SessionRef;
  let interview: InterviewRef;
  /** With both records of the person. */
  let conversation: InterviewRef;
  /** Organises both conferences: owns both profiles. */
  let both: string;
  /** Organises only Stockholm's: owns the kept profile, not the other. */
  let onlyStockholm: string;

  beforeAll(async () => {
    await receiver.start();
    lectern = await startLectern({ WEBHOOK_ALLOW_PRIVATE_TARGETS: 'on', WEBHOOK_RETRY_BASE_MS: '50' });
    admin = programmeBuilder(lectern);
    stockholm = await admin.conference({
      name: 'Digitaliseringsdagarna',
      defaultLocale: 'sv',
      timeZone: 'Europe/Stockholm',
      published: true,
    });
    oslo = await admin.conference({ name: 'Teknologi og politikk', defaultLocale: 'en', published: true });
    keep = await admin.speaker({
      conference: stockholm,
      slug: 'carl-magnus-laner',
      name: 'Carl-Magnus Lanér',
      bio: { sv: 'Forskar om offentlig digitalisering.' },
      email: 'cm@example.org',
    });
    merged = await admin.speaker({
      conference: oslo,
      slug: 'carl-magnus-laner-2',
      name: 'Carl Magnus Laner',
      otherSlugs: ['c-m-laner'],
      bio: { en: 'Researcher in public-sector digitalisation.', sv: 'En annan text.' },
      links: [{ label: 'Blog', url: 'https://example.org/cml' }],
    });
    talk = await admin.session(stockholm, {
      title: 'Digital förvaltning',
      speakers: [{ speaker: keep, title: 'forskare', organisation: 'KTH' }],
      published: true,
    });
    panel = await admin.session(stockholm, {
      title: 'Panelsamtal',
      startsAt: '2030-05-01T13:00:00+02:00',
      speakers: [
        { speaker: merged, role: 'PANELIST', title: 'doktorand', organisation: 'Uppsala universitet' },
        { speaker: keep, role: 'MODERATOR', title: 'forskare', organisation: null },
      ],
      published: true,
    });
    osloTalk = await admin.session(oslo, {
      title: 'Digital government',
      speakers: [{ speaker: merged, title: 'researcher', organisation: 'SINTEF' }],
      published: true,
    });
    interview = await admin.interview(oslo, {
      speakers: [merged],
      items: [{ question: 'Why this subject?', answer: 'Because it matters.', answeredBy: merged }],
      published: true,
    });
    conversation = await admin.interview(stockholm, { speakers: [keep, merged], published: true });
    await lectern.ok(
      `mutation ($input: InviteSpeakerInput!) { inviteSpeaker(input: $input) { id } }`,
      { input: { conferenceId: oslo.id, speakerId: merged.id, email: 'carl@example.org', locale: 'en' } },
      { as: 'organiser' },
    );
    both = (await admin.organiser({ conferences: [stockholm, oslo] })).token;
    onlyStockholm = (await admin.organiser({ conferences: [stockholm] })).token;
    for (const conference of [stockholm, oslo])
      await lectern.ok(
        CREATE_WEBHOOK,
        { input: { conferenceId: conference.id, url: `${receiver.url}/${conference.slug}`, events: ['SPEAKER_CHANGED'] } },
        { as: 'organiser' },
      );
  });
  afterAll(async () => {
    await lectern?.close();
    await receiver.stop();
  });

  /** The description of the event titled so in a conference's feed, parsed with ical.js. */
  const feedEvent = async (conference: ConferenceRef, title: string) => {
    const response = await fetch(`${lectern.url}/calendars/conferences/${conference.slug}.ics`);
    expect(response.status).toBe(200);
    const calendar = new ICAL.Component(ICAL.parse(await response.text()));
    return calendar
      .getAllSubcomponents('vevent')
      .map((vevent) => new ICAL.Event(vevent))
      .find((candidate) => candidate.summary === title)?.description;
  };

  const rows = async () => {
    const database = lectern.app.get(DataSource);
    const dump: Record<string, unknown[]> = {};
    for (const table of TABLES) dump[table] = await database.query(`SELECT * FROM "${table}" ORDER BY 1, 2`);
    return dump;
  };
  const refusal = (result: GraphqlResult) => ({ data: result.data?.mergeSpeakers ?? null, error: result.errors?.[0]?.extensions });

  describe('refusals change nothing', () => {
    it('is FORBIDDEN to an organiser who owns only one of the two profiles, either way round', async () => {
      const before = await rows();
      for (const input of [
        { keepId: keep.id, mergeId: merged.id },
        { keepId: merged.id, mergeId: keep.id },
      ]) {
        const result = await lectern.graphql(MERGE, { input }, { token: onlyStockholm });
        expect(refusal(result)).toEqual({ data: null, error: expect.objectContaining({ code: 'FORBIDDEN' }) });
      }
      expect(await rows()).toEqual(before);
    });

    it('refuses merging a speaker with themselves, naming input.mergeId', async () => {
      const before = await rows();
      const result = await lectern.graphql(MERGE, { input: { keepId: keep.id, mergeId: keep.id } }, { token: both });
      expect(refusal(result)).toEqual({ data: null, error: { code: 'BAD_USER_INPUT', field: 'input.mergeId' } });
      expect(result.errors?.[0].message).toMatch(/input\.mergeId/);
      expect(await rows()).toEqual(before);
    });

    it('answers NOT_FOUND for an id that does not exist, naming the field', async () => {
      const before = await rows();
      const missing = String(rowId(merged.id) + 1000);
      const unknownMerge = await lectern.graphql(MERGE, { input: { keepId: keep.id, mergeId: missing } }, { token: both });
      expect(refusal(unknownMerge)).toEqual({ data: null, error: { code: 'NOT_FOUND', field: 'input.mergeId' } });
      const unknownKeep = await lectern.graphql(MERGE, { input: { keepId: missing, mergeId: merged.id } }, { token: both });
      expect(refusal(unknownKeep)).toEqual({ data: null, error: { code: 'NOT_FOUND', field: 'input.keepId' } });
      const notAnId = await lectern.graphql(MERGE, { input: { keepId: keep.id, mergeId: 'nobody' } }, { token: both });
      expect(refusal(notAnId)).toEqual({ data: null, error: { code: 'NOT_FOUND', field: 'input.mergeId' } });
      expect(await rows()).toEqual(before);
    });

    it('is UNAUTHENTICATED without a token', async () => {
      const result = await lectern.graphql(MERGE, { input: { keepId: keep.id, mergeId: merged.id } });
      expect(refusal(result).error).toMatchObject({ code: 'UNAUTHENTICATED' });
    });
  });

  describe('once merged', () => {
    let answer: { id: string; slug: string; name: string; otherNames: string[]; otherSlugs: string[] };
    const REVISIONS = `query ($ids: [ID!]!) { nodes(ids: $ids) { ... on Session { id revision } } }`;
    let revisionsBefore: unknown[];

    beforeAll(async () => {
      // Read before the merge, so the feeds are built and kept with the merged record's name.
      expect(await feedEvent(oslo, 'Digital government')).toContain('Carl Magnus Laner');
      expect(await feedEvent(stockholm, 'Panelsamtal')).toContain('Carl Magnus Laner');
      for (const path of [
        '/speakers/carl-magnus-laner-2',
        '/api/speakers/carl-magnus-laner-2',
        '/calendars/speakers/carl-magnus-laner-2.ics',
      ])
        expect([path, (await fetch(`${lectern.url}${path}`, { redirect: 'manual' })).status]).toEqual([path, 200]);
      ({ nodes: revisionsBefore } = await lectern.ok(REVISIONS, { ids: [talk.id, panel.id, osloTalk.id] }, { as: 'organiser' }));
      ({ mergeSpeakers: answer } = await lectern.ok(MERGE, { input: { keepId: keep.id, mergeId: merged.id } }, { token: both }));
    });

    it('answers the kept speaker, with the other spelling and every slug of the merged record', () => {
      expect(answer).toEqual({
        id: keep.id,
        slug: 'carl-magnus-laner',
        name: 'Carl-Magnus Lanér',
        otherNames: ['Carl Magnus Laner'],
        otherSlugs: ['c-m-laner', 'carl-magnus-laner-2'],
      });
    });

    it('gives the kept speaker every appearance, one per session, and the interview with its answer', async () => {
      const { speaker } = await lectern.ok(SPEAKER, { slug: keep.slug }, { as: 'organiser' });
      const bySession = new Map(
        speaker.appearances.map((appearance: { session: { id: string }; title: string; organisation: string }) => [
          appearance.session.id,
          appearance,
        ]),
      );
      expect([...bySession.keys()].sort()).toEqual([talk.id, panel.id, osloTalk.id].sort());
      expect(speaker.appearances).toHaveLength(3);
      // In the panel both were listed: the kept person's title stays, the organisation it lacked comes from the other.
      expect(bySession.get(panel.id)).toMatchObject({ title: 'forskare', organisation: 'Uppsala universitet' });
      expect(bySession.get(osloTalk.id)).toMatchObject({ title: 'researcher', organisation: 'SINTEF' });
      expect(speaker.interviews).toHaveLength(2);
      expect(speaker.interviews).toEqual(
        expect.arrayContaining([
          { slug: interview.slug, items: [{ answeredBy: { id: keep.id } }] },
          { slug: conversation.slug, items: [] },
        ]),
      );
      const { interview: withBoth } = await lectern.ok(`{ interview(slug: "${conversation.slug}") { speakers { id } } }`);
      expect(withBoth.speakers).toEqual([{ id: keep.id }]);

      const { session } = await lectern.ok(`{ session(id: "${panel.id}") { appearances { position role speaker { id } } } }`);
      expect(session.appearances).toEqual([{ position: 0, role: 'MODERATOR', speaker: { id: keep.id } }]);
    });

    it('raises the revision of the sessions whose line-up changed, and of those only', async () => {
      const { nodes } = await lectern.ok(REVISIONS, { ids: [talk.id, panel.id, osloTalk.id] }, { as: 'organiser' });
      const [talkBefore, panelBefore, osloBefore] = revisionsBefore as { revision: number }[];
      expect(nodes.map((node: { revision: number }) => node.revision)).toEqual([
        talkBefore.revision,
        panelBefore.revision + 1,
        osloBefore.revision + 1,
      ]);
    });

    it("keeps the kept bio's locales and adds those it lacked", async () => {
      const { speaker } = await lectern.ok(SPEAKER, { slug: keep.slug }, { as: 'organiser' });
      expect(speaker).toMatchObject({
        sv: 'Forskar om offentlig digitalisering.',
        svLocale: 'sv',
        en: 'Researcher in public-sector digitalisation.',
        enLocale: 'en',
        email: 'cm@example.org',
      });
    });

    it('finds the kept person by the old slugs in speaker(slug), and the merged record is gone', async () => {
      for (const slug of ['carl-magnus-laner-2', 'c-m-laner']) {
        const { speaker } = await lectern.ok(SPEAKER, { slug });
        expect(speaker).toMatchObject({ id: keep.id, slug: 'carl-magnus-laner', name: 'Carl-Magnus Lanér' });
      }
      const { speakers } = await lectern.ok(`{ speakers(text: "Laner") { edges { node { id } } } }`, {}, { as: 'organiser' });
      expect(speakers.edges).toEqual([{ node: { id: keep.id } }]);
    });

    it('answers the old slug with a 301 to the kept slug on the site and in the JSON API', async () => {
      for (const [path, to] of [
        ['/speakers/carl-magnus-laner-2', '/speakers/carl-magnus-laner'],
        ['/api/speakers/carl-magnus-laner-2', '/api/speakers/carl-magnus-laner'],
        ['/calendars/speakers/carl-magnus-laner-2.ics', '/calendars/speakers/carl-magnus-laner.ics'],
      ]) {
        const response = await fetch(`${lectern.url}${path}`, { redirect: 'manual' });
        expect([path, response.status]).toEqual([path, 301]);
        expect(new URL(response.headers.get('location')!, lectern.url).pathname).toBe(to);
      }
      const json = await (await fetch(`${lectern.url}/api/speakers/carl-magnus-laner`)).json();
      expect(JSON.stringify(json)).toContain('Digital government');
    });

    it("lists the sessions under the kept person in both conferences' feeds", async () => {
      for (const [conference, title] of [
        [stockholm, 'Digital förvaltning'],
        [stockholm, 'Panelsamtal'],
        [oslo, 'Digital government'],
      ] as const) {
        const description = await feedEvent(conference, title);
        expect(description).toContain('Carl-Magnus Lanér');
        expect(description).not.toContain('Carl Magnus Laner');
      }
    });

    it("tells both conferences' webhooks that the speaker changed, naming the kept person", async () => {
      for (const conference of [stockholm, oslo]) {
        const [request] = await eventually(
          async () => receiver.at(`/${conference.slug}`).length > 0 && receiver.at(`/${conference.slug}`),
          conference.slug,
        );
        expect(JSON.parse(request.body)).toMatchObject({
          event: 'SPEAKER_CHANGED',
          conference: { slug: conference.slug },
          speaker: { id: String(rowId(keep.id)), slug: 'carl-magnus-laner', name: 'Carl-Magnus Lanér' },
        });
      }
    });

    it("moves the merged record's invitation to the kept person", async () => {
      const { speakerInvitations } = await lectern.ok(
        `query ($id: ID!) { speakerInvitations(conferenceId: $id) { edges { node { email speaker { id name } } } } }`,
        { id: oslo.id },
        { token: both },
      );
      expect(speakerInvitations.edges).toEqual([
        { node: { email: 'carl@example.org', speaker: { id: keep.id, name: 'Carl-Magnus Lanér' } } },
      ]);
    });
  });
  describe("the merged record's speaker page", () => {
    const PAGE = `{ viewer {
      role speaker { id }
      unavailability { note }
      profileChanges { status kind conference { id } }
      questionnaires { status answers { questionKey text } }
    } }`;
    const QUESTIONNAIRE = `mutation ($input: CreateQuestionnaireInput!) { createQuestionnaire(input: $input) { id } }`;
    const ASSIGN = `mutation ($input: AssignQuestionnaireInput!) { assignQuestionnaire(input: $input) { id } }`;
    let siri: SpeakerRef;
    let other: SpeakerRef;
    let otherPage: { headers: Record<string, string> };

    beforeAll(async () => {
      siri = await admin.speaker({ conference: stockholm, name: 'Siri Dahl' });
      other = await admin.speaker({ conference: oslo, name: 'Siri Dahl Ek' });
      await admin.session(stockholm, { title: 'Öppna data', startsAt: '2030-05-02T10:00:00+02:00', speakers: [siri], published: true });
      await admin.session(oslo, { title: 'Open data', startsAt: '2030-05-02T10:00:00+02:00', speakers: [other], published: true });
      const { createQuestionnaire } = await lectern.ok(
        QUESTIONNAIRE,
        {
          input: {
            conferenceId: oslo.id,
            titlePattern: [{ locale: 'en', text: 'Questions for {name}' }],
            questions: [{ key: 'who', text: [{ locale: 'en', text: 'Who are you?' }] }],
            dueAt: '2030-04-20T12:00:00Z',
          },
        },
        { as: 'organiser' },
      );
      // Both records were asked the same questionnaire; only the other one has answered yet.
      for (const speaker of [siri, other])
        await lectern.ok(ASSIGN, { input: { questionnaireId: createQuestionnaire.id, speakerId: speaker.id } }, { as: 'organiser' });
      otherPage = await signInSpeaker(lectern, rowId(other.id));
      const { viewer } = await lectern.ok(`{ viewer { questionnaires { id } } }`, {}, otherPage);
      await lectern.ok(
        `mutation ($input: AddUnavailabilityInput!) { addUnavailability(input: $input) { id } }`,
        { input: { startsAt: '2030-05-02T07:00:00Z', endsAt: '2030-05-02T09:00:00Z', note: 'Travelling' } },
        otherPage,
      );
      await lectern.ok(
        `mutation { proposeProfileChange(input: { bio: [{ locale: "en", text: "Siri works on open data." }] }) { id } }`,
        {},
        otherPage,
      );
      await lectern.ok(
        `mutation ($id: ID!) { saveQuestionnaireAnswers(input: { id: $id, answers: [{ questionKey: "who", text: [{ locale: "en", text: "A data engineer." }] }] }) { id } }`,
        { id: viewer.questionnaires[0].id },
        otherPage,
      );
      await lectern.ok(MERGE, { input: { keepId: siri.id, mergeId: other.id } }, { as: 'organiser' });
    });

    it("signs the merged record's speaker out", async () => {
      const { viewer } = await lectern.ok(`{ viewer { role speaker { id } } }`, {}, otherPage);
      expect(viewer).toEqual({ role: 'PUBLIC', speaker: null });
    });

    it('shows the kept speaker the unavailability, the proposed change and the answered questionnaire', async () => {
      const { viewer } = await lectern.ok(PAGE, {}, await signInSpeaker(lectern, rowId(siri.id)));
      expect(viewer).toEqual({
        role: 'SPEAKER',
        speaker: { id: siri.id },
        unavailability: [{ note: 'Travelling' }],
        // Reviewed by the conference that owns the kept profile.
        profileChanges: [{ status: 'PENDING', kind: 'PROFILE', conference: { id: stockholm.id } }],
        questionnaires: [{ status: 'DRAFT', answers: [{ questionKey: 'who', text: 'A data engineer.' }] }],
      });
    });

    it("puts the proposed change in the kept profile's owner's review list", async () => {
      const pending = async (conference: ConferenceRef) =>
        (
          await lectern.ok(
            `query ($id: ID!) { profileChanges(conferenceId: $id, status: PENDING) { edges { node { speaker { id } } } } }`,
            { id: conference.id },
            { as: 'organiser' },
          )
        ).profileChanges.edges;
      expect(await pending(stockholm)).toEqual([{ node: { speaker: { id: siri.id } } }]);
      expect(await pending(oslo)).toEqual([]);
    });
  });

  describe('a later import of the same source', () => {
    const IMPORT = `mutation ($conferenceId: ID!, $document: String!) {
      importProgramme(conferenceId: $conferenceId, format: SCHEDULE_JSON, document: $document) { created { speakers } }
    }`;
    const SAMPLE = readFileSync('/work/shared/schedule-formats/samples/voc-pretalx-democon.json', 'utf8');

    it('finds the kept person for the one it made, rather than making them again', async () => {
      const democon = await admin.conference({
        slug: 'democon',
        timeZone: 'UTC',
        startDate: '2020-12-14',
        endDate: '2020-12-16',
        published: true,
      });
      const first = await lectern.ok(IMPORT, { conferenceId: democon.id, document: SAMPLE }, { as: 'organiser' });
      expect(first.importProgramme.created.speakers).toBeGreaterThan(0);
      const { speakers } = await lectern.ok(
        `{ speakers(conferenceSlug: "democon", first: 1) { edges { node { id name appearances { session { id } } } } } }`,
        {},
        { as: 'organiser' },
      );
      const imported = speakers.edges[0].node;
      const twin = await admin.speaker({ conference: democon, name: `${imported.name} (entered by hand)` });
      await lectern.ok(MERGE, { input: { keepId: twin.id, mergeId: imported.id } }, { as: 'organiser' });

      const again = await lectern.ok(IMPORT, { conferenceId: democon.id, document: SAMPLE }, { as: 'organiser' });
      expect(again.importProgramme.created.speakers).toBe(0);
      const { speaker } = await lectern.ok(SPEAKER, { slug: twin.slug }, { as: 'organiser' });
      expect(speaker.appearances.map((appearance: { session: { id: string } }) => appearance.session.id).sort()).toEqual(
        imported.appearances.map((appearance: { session: { id: string } }) => appearance.session.id).sort(),
      );
    });
  });
});
