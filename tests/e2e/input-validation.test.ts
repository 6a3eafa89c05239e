import ICAL from 'ical.js';
import { DataSource } from 'typeorm';
import { migrations } from '../../migrations';
import { Lectern, startLectern } from '../support/lectern';
import { rowId } from '../support/ids';
import { ConferenceRef, firstDayAt, ProgrammeBuilder, programmeBuilder, SpeakerRef } from '../support/programme';

/**
 * Inputs Lectern used to accept and then served badly, or not at all: each is refused with
 * BAD_USER_INPUT naming the field (or, for a time zone, stored as tzdata spells it), and a refused
 * mutation changes nothing.
 */
let lectern: Lectern;
let build: ProgrammeBuilder;
let oslo: ConferenceRef;
let anna: SpeakerRef;

beforeAll(async () => {
  lectern = await startLectern();
  build = programmeBuilder(lectern);
  oslo = await build.conference({
    startDate: '2020-08-19',
    endDate: '2020-08-20',
    timeZone: 'Europe/Oslo',
    defaultLocale: 'nb',
    published: true,
  });
  anna = await build.speaker({ name: 'Anna Berg', email: 'anna@example.org' });
});
afterAll(() => lectern.close());

const organiser = <T = any>(query: string, variables: Record<string, unknown> = {}) => lectern.ok<T>(query, variables, { as: 'organiser' });
const refusal = async (query: string, variables: Record<string, unknown> = {}) => {
  const result = await lectern.graphql(query, variables, { as: 'organiser' });
  expect(result.errors).toHaveLength(1);
  return result.errors![0];
};
const expectRefused = (error: Awaited<ReturnType<typeof refusal>>, field: string) => {
  expect(error.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
  expect(error.message.startsWith(`${field}: `)).toBe(true);
};

const CREATE_CONFERENCE = `mutation ($input: CreateConferenceInput!) { createConference(input: $input) { id slug timeZone defaultLocale } }`;
const UPDATE_CONFERENCE = `mutation ($id: ID!, $input: UpdateConferenceInput!) { updateConference(id: $id, input: $input) { id timeZone defaultLocale websiteUrl } }`;
const CONFERENCE = `query ($slug: String!) { conference(slug: $slug) { id timeZone defaultLocale websiteUrl } }`;
const CREATE_INTERVIEW = `mutation ($input: CreateInterviewInput!) { createInterview(input: $input) { id slug } }`;
const UPDATE_INTERVIEW = `mutation ($id: ID!, $input: UpdateInterviewInput!) { updateInterview(id: $id, input: $input) { id } }`;
const UPDATE_SESSION = `mutation ($id: ID!, $input: UpdateSessionInput!) { updateSession(id: $id, input: $input) { id startsAt } }`;
const UPDATE_SPEAKER = `mutation ($id: ID!, $input: UpdateSpeakerInput!) { updateSpeaker(id: $id, input: $input) { id email } }`;
const SPEAKER = `query ($slug: String!) { speaker(slug: $slug) { id email photoUrl links { url } } }`;

const conferenceInput = (fields: Record<string, unknown>) => ({
  slug: `refused-${Math.random().toString(36).slice(2, 10)}`,
  name: 'Refused',
  startDate: '2030-05-01',
  endDate: '2030-05-02',
  timeZone: 'Europe/Oslo',
  defaultLocale: 'nb',
  ...fields,
});
const conferenceExists = async (slug: string) =>
  (await lectern.graphql(CONFERENCE, { slug }, { as: 'organiser' })).data?.conference != null;

describe('interview items', () => {
  const interviewInput = (items: unknown[]) => ({
    slug: `interview-${Math.random().toString(36).slice(2, 10)}`,
    conferenceId: oslo.id,
    speakerIds: [anna.id],
    title: [{ locale: 'nb', text: 'Samtale' }],
    language: 'nb',
    items,
  });
  const interviewExists = async (slug: string) =>
    (await lectern.graphql(`query ($slug: String!) { interview(slug: $slug) { id } }`, { slug }, { as: 'organiser' })).data?.interview !=
    null;

  it('refuses an item with an empty question and answer, naming both, and creates nothing', async () => {
    const input = interviewInput([
      { question: [{ locale: 'nb', text: 'Hvorfor?' }], answer: [{ locale: 'nb', text: 'Fordi.' }] },
      { question: [{ locale: 'nb', text: '' }], answer: [{ locale: 'en', text: '  ' }] },
    ]);
    const error = await refusal(CREATE_INTERVIEW, { input });
    expectRefused(error, 'items[1].question');
    expect(error.extensions?.problems?.map((problem) => problem.field)).toEqual(['items[1].question', 'items[1].answer']);
    expect(await interviewExists(input.slug)).toBe(false);
  });

  it('refuses an item without an answer, or with an empty list of texts', async () => {
    for (const [item, field] of [
      [{ question: [{ locale: 'nb', text: 'Hvorfor?' }] }, 'items[0].answer'],
      [{ question: [], answer: [{ locale: 'nb', text: 'Fordi.' }] }, 'items[0].question'],
    ] as const) {
      const input = interviewInput([item]);
      expectRefused(await refusal(CREATE_INTERVIEW, { input }), field);
      expect(await interviewExists(input.slug)).toBe(false);
    }
  });

  it('refuses empty items on update and keeps the items it had', async () => {
    const interview = await build.interview(oslo, { speakers: [anna], items: [{ question: 'Hvorfor?', answer: 'Fordi.' }] });
    const ITEMS = `query ($slug: String!) { interview(slug: $slug) { items { question answer } } }`;
    const before = await organiser(ITEMS, { slug: interview.slug });
    expectRefused(
      await refusal(UPDATE_INTERVIEW, { id: interview.id, input: { items: [{ question: [{ locale: 'nb', text: ' ' }], answer: [] }] } }),
      'items[0].question',
    );
    expect(await organiser(ITEMS, { slug: interview.slug })).toEqual(before);
  });

  it('serves the public interview list and the speaker although an empty item was stored before the rule', async () => {
    const speaker = await build.speaker({ name: 'Per Olsen' });
    const session = await build.session(oslo, { speakers: [speaker], published: true });
    const interview = await build.interview(oslo, {
      speakers: [speaker],
      session,
      published: true,
      items: [
        { question: 'Hvorfor?', answer: 'Fordi.' },
        { question: 'Og så?', answer: 'Så.' },
      ],
    });
    // What the earlier code let through: the texts were dropped, the item kept.
    await lectern.app
      .get(DataSource)
      .query(`UPDATE "interview_items" SET "question" = '{}', "answer" = '{}' WHERE "interviewId" = $1 AND "position" = 1`, [
        rowId(interview.id),
      ]);

    const items = '{ slug items { question answer answerLocale } }';
    const list = await lectern.graphql(`{ interviews(conferenceSlug: "${oslo.slug}") { edges { node ${items} } } }`);
    expect(list.errors).toBeUndefined();
    const listed = list.data.interviews.edges.map((edge: { node: unknown }) => edge.node);
    expect(listed).toContainEqual({ slug: interview.slug, items: [{ question: 'Hvorfor?', answer: 'Fordi.', answerLocale: 'nb' }] });

    const person = await lectern.graphql(`{ speaker(slug: "${speaker.slug}") { slug interviews ${items} } }`);
    expect(person.errors).toBeUndefined();
    expect(person.data.speaker.interviews).toEqual([
      { slug: interview.slug, items: [{ question: 'Hvorfor?', answer: 'Fordi.', answerLocale: 'nb' }] },
    ]);

    const json = await fetch(`${lectern.url}/api/interviews/${interview.slug}`);
    expect(json.status).toBe(200);
    expect(((await json.json()) as { items: unknown[] }).items).toHaveLength(1);
  });
});

describe('time zones', () => {
  const feedZones = async (slug: string) => {
    const response = await fetch(`${lectern.url}/calendars/conferences/${slug}.ics`);
    expect(response.status).toBe(200);
    const calendar = new ICAL.Component(ICAL.parse(await response.text()));
    return {
      zones: calendar.getAllSubcomponents('vtimezone').map((zone) => zone.getFirstPropertyValue('tzid')),
      starts: calendar.getAllSubcomponents('vevent').map((event) => event.getFirstProperty('dtstart')!.getParameter('tzid')),
    };
  };

  it('stores a zone typed in lower case as tzdata spells it, so the feed keeps its zone', async () => {
    const { createConference } = await organiser(CREATE_CONFERENCE, {
      input: conferenceInput({ timeZone: 'europe/oslo', startDate: '2020-08-19', endDate: '2020-08-19' }),
    });
    expect(createConference.timeZone).toBe('Europe/Oslo');
    const conference: ConferenceRef = { kind: 'conference', ...createConference, startDate: '2020-08-19', endDate: '2020-08-19' };
    await build.session(conference, { startsAt: firstDayAt(conference, '10:00'), published: true });
    await build.publish(conference);
    expect(await feedZones(conference.slug)).toEqual({ zones: ['Europe/Oslo'], starts: ['Europe/Oslo'] });

    const { updateConference } = await organiser(UPDATE_CONFERENCE, { id: conference.id, input: { timeZone: 'EUROPE/STOCKHOLM' } });
    expect(updateConference.timeZone).toBe('Europe/Stockholm');
    expect((await feedZones(conference.slug)).zones).toEqual(['Europe/Stockholm']);
  });

  it('refuses what is no zone, and changes nothing', async () => {
    for (const timeZone of ['Europe/Atlantis', 'UTC+1', 'europe oslo']) {
      expectRefused(await refusal(UPDATE_CONFERENCE, { id: oslo.id, input: { timeZone, name: 'Renamed' } }), 'timeZone');
    }
    expect((await organiser(CONFERENCE, { slug: oslo.slug })).conference.timeZone).toBe('Europe/Oslo');
  });

  it('turns zones stored before the rule into their canonical names', async () => {
    const conference = await build.conference({ timeZone: 'Europe/Oslo' });
    const dataSource = lectern.app.get(DataSource);
    await dataSource.query(`UPDATE "conferences" SET "timeZone" = 'europe/oslo' WHERE "id" = $1`, [rowId(conference.id)]);
    const migration = migrations.map((Migration) => new Migration()).find((m) => m.name === 'CanonicalTimeZones1700000000009')!;
    const runner = dataSource.createQueryRunner();
    try {
      await migration.up(runner);
    } finally {
      await runner.release();
    }
    expect((await organiser(CONFERENCE, { slug: conference.slug })).conference.timeZone).toBe('Europe/Oslo');
  });
});

describe('URLs', () => {
  // Each of these parses in WHATWG URL (most as "http://x/"), but none was typed as scheme://host.
  const refusedUrls = ['http:/x', 'http:x.org', 'https:\\\\example.org', ' https://example.org', 'http://x', 'https://exa mple.org'];

  it('refuses a URL not typed as http(s)://host in every field that takes one, and changes nothing', async () => {
    const room = await build.room(oslo, { streamUrl: 'https://stream.example.org/a' });
    const session = await build.session(oslo, { recordingUrl: 'https://video.example.org/1' });
    const speaker = await build.speaker({
      photoUrl: 'https://example.org/anna.jpg',
      links: [{ label: 'Web', url: 'https://example.org' }],
    });
    const interview = await build.interview(oslo, { speakers: [anna], sourceUrl: 'https://example.org/interview' });
    for (const url of refusedUrls) {
      expectRefused(await refusal(UPDATE_CONFERENCE, { id: oslo.id, input: { websiteUrl: url } }), 'websiteUrl');
      expectRefused(
        await refusal(`mutation ($id: ID!, $url: String) { updateRoom(id: $id, input: { streamUrl: $url }) { id } }`, { id: room.id, url }),
        'streamUrl',
      );
      expectRefused(await refusal(UPDATE_SESSION, { id: session.id, input: { recordingUrl: url } }), 'recordingUrl');
      expectRefused(await refusal(UPDATE_SPEAKER, { id: speaker.id, input: { photoUrl: url } }), 'photoUrl');
      expectRefused(await refusal(UPDATE_SPEAKER, { id: speaker.id, input: { links: [{ label: 'Web', url }] } }), 'links[0].url');
      expectRefused(await refusal(UPDATE_INTERVIEW, { id: interview.id, input: { sourceUrl: url } }), 'sourceUrl');
    }
    const created = conferenceInput({ websiteUrl: 'http:/x' });
    expectRefused(await refusal(CREATE_CONFERENCE, { input: created }), 'websiteUrl');
    expect(await conferenceExists(created.slug)).toBe(false);

    expect((await organiser(CONFERENCE, { slug: oslo.slug })).conference.websiteUrl).toBeNull();
    expect((await organiser(SPEAKER, { slug: speaker.slug })).speaker).toMatchObject({
      photoUrl: 'https://example.org/anna.jpg',
      links: [{ url: 'https://example.org' }],
    });
    const stored = await organiser(`query ($id: ID!) { session(id: $id) { recordingUrl } }`, { id: session.id });
    expect(stored.session.recordingUrl).toBe('https://video.example.org/1');
  });

  it('still takes URLs with a host', async () => {
    const { updateConference } = await organiser(UPDATE_CONFERENCE, {
      id: oslo.id,
      input: { websiteUrl: 'https://teknologi.example.no/2020/' },
    });
    expect(updateConference.websiteUrl).toBe('https://teknologi.example.no/2020/');
    await organiser(UPDATE_CONFERENCE, { id: oslo.id, input: { websiteUrl: null } });
  });
});

describe('e-mail addresses', () => {
  it('refuses an address of 506 characters, and one of no e-mail shape, and keeps the address it had', async () => {
    const long = `${'a'.repeat(494)}@example.org`;
    expect(long).toHaveLength(506);
    const error = await refusal(UPDATE_SPEAKER, { id: anna.id, input: { email: long } });
    expectRefused(error, 'email');
    expect(error.message).toBe('email: must be at most 254 characters');
    for (const email of ['anna', 'anna@', 'anna@example', 'an na@example.org', 'anna@@example.org']) {
      expectRefused(await refusal(UPDATE_SPEAKER, { id: anna.id, input: { email } }), 'email');
    }
    expect((await organiser(SPEAKER, { slug: anna.slug })).speaker.email).toBe('anna@example.org');
  });

  it('refuses it on creation too, and creates no speaker', async () => {
    const slug = 'too-long-address';
    const error = await refusal(`mutation ($input: CreateSpeakerInput!) { createSpeaker(input: $input) { id } }`, {
      input: { slug, name: 'Too Long', conferenceId: oslo.id, email: `${'a'.repeat(494)}@example.org` },
    });
    expectRefused(error, 'email');
    expect((await lectern.graphql(SPEAKER, { slug }, { as: 'organiser' })).data?.speaker ?? null).toBeNull();
  });
});

describe('languages', () => {
  it('refuses a default locale that is no language, and creates nothing', async () => {
    for (const defaultLocale of ['norsk', 'xx', 'und']) {
      const input = conferenceInput({ defaultLocale });
      expectRefused(await refusal(CREATE_CONFERENCE, { input }), 'defaultLocale');
      expect(await conferenceExists(input.slug)).toBe(false);
    }
    expectRefused(await refusal(UPDATE_CONFERENCE, { id: oslo.id, input: { defaultLocale: 'norsk' } }), 'defaultLocale');
    expect((await organiser(CONFERENCE, { slug: oslo.slug })).conference.defaultLocale).toBe('nb');
  });

  it("refuses a session's language and a text's locale that are no language, and changes nothing", async () => {
    const session = await build.session(oslo, { title: { nb: 'Åpning' } });
    expectRefused(await refusal(UPDATE_SESSION, { id: session.id, input: { language: 'norsk' } }), 'language');
    expectRefused(
      await refusal(UPDATE_SESSION, { id: session.id, input: { title: [{ locale: 'xx', text: 'Opening' }] } }),
      'title[0].locale',
    );
    const stored = await organiser(`query ($id: ID!) { session(id: $id) { language title(locale: "xx") titleLocale(locale: "xx") } }`, {
      id: session.id,
    });
    expect(stored.session).toEqual({ language: 'nb', title: 'Åpning', titleLocale: 'nb' });
  });

  it('takes the Nordic languages', async () => {
    for (const defaultLocale of ['sv', 'nb', 'nn', 'en', 'se', 'fi']) {
      const { createConference } = await organiser(CREATE_CONFERENCE, { input: conferenceInput({ defaultLocale }) });
      expect(createConference.defaultLocale).toBe(defaultLocale);
    }
  });
});

describe('reserved slugs', () => {
  // The words the programme site needs beside `/{conference-slug}`: a conference of that slug could not be reached.
  const reserved = ['speakers', 'graphql'];

  it("refuses a conference slug that is one of Lectern's own addresses, on create and on update, and changes nothing", async () => {
    const STORED = `query ($slug: String!) { conference(slug: $slug) { id slug name } }`;
    const before = await organiser(STORED, { slug: oslo.slug });
    for (const slug of reserved) {
      const created = await refusal(CREATE_CONFERENCE, { input: conferenceInput({ slug }) });
      expectRefused(created, 'slug');
      expect(created.message).toBe(`slug: "${slug}" is reserved for Lectern's own addresses`);
      expect(await conferenceExists(slug)).toBe(false);

      expectRefused(await refusal(UPDATE_CONFERENCE, { id: oslo.id, input: { slug, name: 'Renamed' } }), 'slug');
      expect(await conferenceExists(slug)).toBe(false);
      expect(await organiser(STORED, { slug: oslo.slug })).toEqual(before);
    }
  });

  it('takes a slug that only starts with a reserved word', async () => {
    const { createConference } = await organiser(CREATE_CONFERENCE, { input: conferenceInput({ slug: 'speakers-summit-2030' }) });
    expect(createConference.slug).toBe('speakers-summit-2030');
  });
});

describe('times without an offset', () => {
  const noOffset = (field: string) => `${field}: "2020-08-19T10:00:00" has no offset: add Z or +02:00`;

  it('names the field and says the offset is missing, in variables, and changes nothing', async () => {
    const session = await build.session(oslo, { startsAt: '2020-08-19T10:00:00+02:00' });
    // Three times: graphql-js reads the variables the first time, graphql-jit the second, graphql-js again after.
    for (let i = 0; i < 3; i++) {
      const error = await refusal(UPDATE_SESSION, {
        id: session.id,
        input: { startsAt: '2020-08-19T10:00:00', endsAt: '2020-08-19T11:00:00+02:00' },
      });
      expect(error.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'startsAt' });
      expect(error.message).toBe(noOffset('startsAt'));
    }
    const variable = `mutation ($id: ID!, $end: DateTime) { updateSession(id: $id, input: { endsAt: $end }) { id } }`;
    for (let i = 0; i < 3; i++) {
      const error = await refusal(variable, { id: session.id, end: '2020-08-19T10:00:00' });
      expect(error.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'endsAt' });
      expect(error.message).toBe(noOffset('endsAt'));
    }
    const stored = await organiser(`query ($id: ID!) { session(id: $id) { startsAt endsAt } }`, { id: session.id });
    expect(stored.session).toEqual({ startsAt: '2020-08-19T08:00:00.000Z', endsAt: '2020-08-19T08:30:00.000Z' });
  });

  it('names the field in literal arguments, nested ones included', async () => {
    const session = await build.session(oslo, { startsAt: '2020-08-19T10:00:00+02:00' });
    for (let i = 0; i < 2; i++) {
      const error = await refusal(`mutation { updateSession(id: "${session.id}", input: { startsAt: "2020-08-19T10:00:00" }) { id } }`);
      expect(error.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'startsAt' });
      expect(error.message).toBe(noOffset('startsAt'));
    }
    const room = await build.room(oslo);
    const windows = `{ startsAt: "2020-08-19T09:00:00Z", endsAt: "2020-08-19T17:00:00Z" }, { startsAt: "2020-08-20T09:00:00+02:00", endsAt: "2020-08-19T10:00:00" }`;
    const error = await refusal(`mutation { setRoomAvailability(roomId: "${room.id}", windows: [${windows}]) { id } }`);
    expect(error.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'windows[1].endsAt' });
    expect(error.message).toBe(noOffset('windows[1].endsAt'));
  });

  it('names a list variable’s field too, and tells a value that is no time at all', async () => {
    const room = await build.room(oslo);
    const mutation = `mutation ($room: ID!, $windows: [TimeWindowInput!]!) { setRoomAvailability(roomId: $room, windows: $windows) { id availability { startsAt } } }`;
    const error = await refusal(mutation, {
      room: room.id,
      windows: [{ startsAt: '2020-08-19T09:00:00+02:00', endsAt: '2020-08-19T17:00' }],
    });
    expect(error.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'windows[0].endsAt' });
    expect(error.message).toBe('windows[0].endsAt: "2020-08-19T17:00" has no offset: add Z or +02:00');
    const nonsense = await refusal(mutation, { room: room.id, windows: [{ startsAt: 'tomorrow', endsAt: '2020-08-19T17:00:00Z' }] });
    expect(nonsense.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'windows[0].startsAt' });
    const { conference } = await organiser(
      `query ($slug: String!) { conference(slug: $slug) { rooms { id availability { startsAt } } } }`,
      {
        slug: oslo.slug,
      },
    );
    expect(conference.rooms.find((stored: { id: string }) => stored.id === room.id).availability).toEqual([]);
  });
});
