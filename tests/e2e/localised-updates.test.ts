import { DataSource, EntityTarget } from 'typeorm';
import { Conference } from '../../src/conferences/conference.entity';
import { InterviewItem } from '../../src/interviews/interview-item.entity';
import { Interview } from '../../src/interviews/interview.entity';
import { Session } from '../../src/sessions/session.entity';
import { Speaker } from '../../src/speakers/speaker.entity';
import { Lectern, startLectern } from '../support/lectern';
import { rowId } from '../support/ids';
import { toGlobalId } from 'graphql-relay';
import { ConferenceRef, ProgrammeBuilder, programmeBuilder, SpeakerRef } from '../support/programme';

/**
 * Updating a localised text in one language keeps the others: every localised field of every
 * type is merged by locale, `text: null` removes one locale, and a required text cannot be
 * emptied. Writes go over HTTP as an organiser; what was kept is read back over HTTP, and the
 * exact locales stored from the database.
 */
let lectern: Lectern;
let build: ProgrammeBuilder;
let oslo: ConferenceRef;
let anna: SpeakerRef;

beforeAll(async () => {
  lectern = await startLectern();
  build = programmeBuilder(lectern);
  oslo = await build.conference({ defaultLocale: 'nb', description: { nb: 'Om teknologi.', en: 'About technology.' } });
  anna = await build.speaker({ name: 'Anna Berg' });
});
afterAll(() => lectern.close());

const organiser = <T = any>(query: string, variables: Record<string, unknown>) => lectern.ok<T>(query, variables, { as: 'organiser' });
const refusal = async (query: string, variables: Record<string, unknown>) => {
  const result = await lectern.graphql(query, variables, { as: 'organiser' });
  expect(result.errors).toHaveLength(1);
  return result.errors![0];
};
const stored = <T extends object>(entity: EntityTarget<T>, id: string | number) =>
  lectern.app
    .get(DataSource)
    .getRepository(entity)
    .findOneByOrFail({ id: rowId(id) } as never);

const UPDATE_SESSION = `mutation ($id: ID!, $input: UpdateSessionInput!) { updateSession(id: $id, input: $input) { id title(locale: "en") titleLocale(locale: "en") } }`;
const UPDATE_SPEAKER = `mutation ($id: ID!, $input: UpdateSpeakerInput!) { updateSpeaker(id: $id, input: $input) { id bio(locale: "en") } }`;
const UPDATE_CONFERENCE = `mutation ($id: ID!, $input: UpdateConferenceInput!) { updateConference(id: $id, input: $input) { id description(locale: "en") } }`;
const UPDATE_INTERVIEW = `mutation ($id: ID!, $input: UpdateInterviewInput!) {
  updateInterview(id: $id, input: $input) { id title(locale: "en") items { id question(locale: "en") answer(locale: "nb") answeredBy { id } askedBy } }
}`;

describe('a session', () => {
  it('keeps the English title when the Norwegian one is changed', async () => {
    const session = await build.session(oslo, { title: { nb: 'Åpning', en: 'Opening' } });
    const { updateSession } = await organiser(UPDATE_SESSION, {
      id: session.id,
      input: { title: [{ locale: 'nb', text: 'Åpning av dagen' }] },
    });
    expect(updateSession).toMatchObject({ title: 'Opening', titleLocale: 'en' });
    expect((await stored(Session, session.id)).title).toEqual({ nb: 'Åpning av dagen', en: 'Opening' });
  });

  it('says which language its title and abstract are given in, so a fallback is told from a translation', async () => {
    const session = await build.session(oslo, { title: { nb: 'Åpning', en: 'Opening' }, abstract: { nb: 'Velkommen.' } });
    const { session: read } = await organiser(
      `query ($id: ID!) { session(id: $id) {
        en: abstract(locale: "en") enLocale: abstractLocale(locale: "en") nb: abstractLocale(locale: "nb") titleLocale(locale: "en") } }`,
      { id: session.id },
    );
    expect(read).toEqual({ en: 'Velkommen.', enLocale: 'nb', nb: 'nb', titleLocale: 'en' });
    const bare = await build.session(oslo, { title: 'Uten sammendrag' });
    const { session: none } = await organiser(`query ($id: ID!) { session(id: $id) { abstract abstractLocale } }`, { id: bare.id });
    expect(none).toEqual({ abstract: null, abstractLocale: null });

    // Or every language at once, as stored, for an editor that shows them side by side.
    const { session: all } = await organiser(
      `query ($id: ID!) { session(id: $id) { titleTranslations { locale text } abstractTranslations(format: HTML) { locale text } } }`,
      { id: session.id },
    );
    expect(all).toEqual({
      titleTranslations: [
        { locale: 'nb', text: 'Åpning' },
        { locale: 'en', text: 'Opening' },
      ],
      abstractTranslations: [{ locale: 'nb', text: '<p>Velkommen.</p>\n' }],
    });
  });

  it('adds a locale to the title without touching the others', async () => {
    const session = await build.session(oslo, { title: { nb: 'Åpning' } });
    await organiser(UPDATE_SESSION, { id: session.id, input: { title: [{ locale: 'sv', text: 'Öppning' }] } });
    expect((await stored(Session, session.id)).title).toEqual({ nb: 'Åpning', sv: 'Öppning' });
  });

  it('removes one locale of the title with text: null (or an empty text)', async () => {
    const session = await build.session(oslo, { title: { nb: 'Åpning', en: 'Opening', sv: 'Öppning' } });
    const { updateSession } = await organiser(UPDATE_SESSION, { id: session.id, input: { title: [{ locale: 'en', text: null }] } });
    expect(updateSession).toMatchObject({ title: 'Åpning', titleLocale: 'nb' });
    await organiser(UPDATE_SESSION, { id: session.id, input: { title: [{ locale: 'sv', text: '  ' }] } });
    expect((await stored(Session, session.id)).title).toEqual({ nb: 'Åpning' });
  });

  it('refuses to empty the title, whichever way, and changes nothing', async () => {
    const session = await build.session(oslo, { title: { nb: 'Åpning', en: 'Opening' } });
    const attempts: unknown[] = [
      [
        { locale: 'nb', text: null },
        { locale: 'en', text: null },
      ],
      [
        { locale: 'nb', text: '' },
        { locale: 'en', text: null },
      ],
      null,
    ];
    for (const title of attempts) {
      const error = await refusal(UPDATE_SESSION, { id: session.id, input: { title, abstract: [{ locale: 'nb', text: 'Nytt' }] } });
      expect(error.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'title' });
    }
    const after = await stored(Session, session.id);
    expect(after.title).toEqual({ nb: 'Åpning', en: 'Opening' });
    expect(after.abstract).toEqual({});
  });

  it('merges the abstract by locale, and clears it whole with abstract: null', async () => {
    const session = await build.session(oslo, { abstract: { nb: 'Om åpningen.', en: 'About the opening.' } });
    await organiser(UPDATE_SESSION, { id: session.id, input: { abstract: [{ locale: 'en', text: 'On the opening.' }] } });
    expect((await stored(Session, session.id)).abstract).toEqual({ nb: 'Om åpningen.', en: 'On the opening.' });
    await organiser(UPDATE_SESSION, { id: session.id, input: { abstract: [{ locale: 'nb', text: null }] } });
    expect((await stored(Session, session.id)).abstract).toEqual({ en: 'On the opening.' });
    await organiser(UPDATE_SESSION, { id: session.id, input: { abstract: null } });
    expect((await stored(Session, session.id)).abstract).toEqual({});
  });

  it('leaves the texts alone when an update does not name them', async () => {
    const session = await build.session(oslo, { title: { nb: 'Åpning', en: 'Opening' }, abstract: { nb: 'Om.', en: 'About.' } });
    await organiser(UPDATE_SESSION, { id: session.id, input: { notes: 'Bring a microphone.' } });
    const after = await stored(Session, session.id);
    expect(after.title).toEqual({ nb: 'Åpning', en: 'Opening' });
    expect(after.abstract).toEqual({ nb: 'Om.', en: 'About.' });
  });

  it('refuses a locale given twice in one update', async () => {
    const session = await build.session(oslo, { title: { nb: 'Åpning', en: 'Opening' } });
    const error = await refusal(UPDATE_SESSION, {
      id: session.id,
      input: {
        title: [
          { locale: 'en', text: 'Opening' },
          { locale: 'EN', text: null },
        ],
      },
    });
    expect(error.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'title[1].locale' });
    expect((await stored(Session, session.id)).title).toEqual({ nb: 'Åpning', en: 'Opening' });
  });
});

describe('a speaker', () => {
  it('keeps the other languages of the bio and the photo text', async () => {
    const speaker = await build.speaker({
      bio: { nb: 'Anna er forsker.', en: 'Anna is a researcher.' },
      photoUrl: 'https://example.org/anna.jpg',
      photoAlt: { nb: 'Anna på scenen', en: 'Anna on stage' },
    });
    const { updateSpeaker } = await organiser(UPDATE_SPEAKER, {
      id: speaker.id,
      input: { bio: [{ locale: 'nb', text: 'Anna er professor.' }], photoAlt: [{ locale: 'sv', text: 'Anna på scen' }] },
    });
    expect(updateSpeaker.bio).toBe('Anna is a researcher.');
    const after = await stored(Speaker, speaker.id);
    expect(after.bio).toEqual({ nb: 'Anna er professor.', en: 'Anna is a researcher.' });
    expect(after.photoAlt).toEqual({ nb: 'Anna på scenen', en: 'Anna on stage', sv: 'Anna på scen' });
  });

  it('removes one locale with text: null, and the photo text with its last locale', async () => {
    const speaker = await build.speaker({ bio: { nb: 'Forsker.', en: 'Researcher.' }, photoAlt: { en: 'Anna' } });
    await organiser(UPDATE_SPEAKER, {
      id: speaker.id,
      input: { bio: [{ locale: 'en', text: null }], photoAlt: [{ locale: 'en', text: null }] },
    });
    const after = await stored(Speaker, speaker.id);
    expect(after.bio).toEqual({ nb: 'Forsker.' });
    expect(after.photoAlt).toBeNull();
  });

  it('clears a whole text with null', async () => {
    const speaker = await build.speaker({ bio: { nb: 'Forsker.', en: 'Researcher.' }, photoAlt: { en: 'Anna' } });
    await organiser(UPDATE_SPEAKER, { id: speaker.id, input: { bio: null, photoAlt: null } });
    const after = await stored(Speaker, speaker.id);
    expect(after.bio).toEqual({});
    expect(after.photoAlt).toBeNull();
  });
});

describe('a conference', () => {
  it('keeps the other languages of the description, and removes one with text: null', async () => {
    const conference = await build.conference({ description: { nb: 'Om teknologi.', en: 'About technology.', sv: 'Om teknik.' } });
    const { updateConference } = await organiser(UPDATE_CONFERENCE, {
      id: conference.id,
      input: { description: [{ locale: 'nb', text: 'Om teknologi og politikk.' }] },
    });
    expect(updateConference.description).toBe('About technology.');
    await organiser(UPDATE_CONFERENCE, { id: conference.id, input: { description: [{ locale: 'sv', text: null }] } });
    expect((await stored(Conference, conference.id)).description).toEqual({ nb: 'Om teknologi og politikk.', en: 'About technology.' });
  });
});

describe('an interview', () => {
  const interviewWithItems = () =>
    build.interview(oslo, {
      speakers: [anna],
      title: { nb: 'Samtale med Anna', en: 'A talk with Anna' },
      lead: { nb: 'Anna om forskning.', en: 'Anna on research.' },
      items: [
        {
          question: { nb: 'Hva forsker du på?', en: 'What do you research?' },
          answer: { nb: 'Språk.', en: 'Languages.' },
          answeredBy: anna,
        },
        { question: { nb: 'Hvorfor?', en: 'Why?' }, answer: { nb: 'Fordi.', en: 'Because.' }, askedBy: 'Publikum' },
      ],
    });
  const itemsOf = async (interviewId: string) =>
    (
      await lectern.app
        .get(DataSource)
        .getRepository(InterviewItem)
        .find({ where: { interviewId: rowId(interviewId) }, order: { position: 'ASC' } })
    ).map(({ id, position, question, answer, answeredById, askedBy }) => ({ id, position, question, answer, answeredById, askedBy }));

  it('keeps the other languages of the title and the lead', async () => {
    const interview = await interviewWithItems();
    const { updateInterview } = await organiser(UPDATE_INTERVIEW, {
      id: interview.id,
      input: { title: [{ locale: 'nb', text: 'Samtale med Anna Berg' }], lead: [{ locale: 'en', text: null }] },
    });
    expect(updateInterview.title).toBe('A talk with Anna');
    const after = await stored(Interview, interview.id);
    expect(after.title).toEqual({ nb: 'Samtale med Anna Berg', en: 'A talk with Anna' });
    expect(after.lead).toEqual({ nb: 'Anna om forskning.' });
  });

  it('refuses to empty the title and changes nothing', async () => {
    const interview = await interviewWithItems();
    const error = await refusal(UPDATE_INTERVIEW, {
      id: interview.id,
      input: {
        title: [
          { locale: 'nb', text: null },
          { locale: 'en', text: '' },
        ],
        lead: null,
      },
    });
    expect(error.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'title' });
    const after = await stored(Interview, interview.id);
    expect(after.title).toEqual({ nb: 'Samtale med Anna', en: 'A talk with Anna' });
    expect(after.lead).toEqual({ nb: 'Anna om forskning.', en: 'Anna on research.' });
  });

  it("merges an item's question and answer by locale when the item is given by id, and keeps what is left out", async () => {
    const interview = await interviewWithItems();
    const [first, second] = await itemsOf(interview.id);
    const { updateInterview } = await organiser(UPDATE_INTERVIEW, {
      id: interview.id,
      input: {
        items: [
          { id: String(first.id), question: [{ locale: 'nb', text: 'Hva forsker du egentlig på?' }] },
          { id: String(second.id), answer: [{ locale: 'en', text: null }] },
        ],
      },
    });
    expect(updateInterview.items).toEqual([
      {
        id: toGlobalId('InterviewItem', String(first.id)),
        question: 'What do you research?',
        answer: 'Språk.',
        answeredBy: { id: anna.id },
        askedBy: null,
      },
      { id: toGlobalId('InterviewItem', String(second.id)), question: 'Why?', answer: 'Fordi.', answeredBy: null, askedBy: 'Publikum' },
    ]);
    expect(await itemsOf(interview.id)).toEqual([
      {
        ...first,
        question: { nb: 'Hva forsker du egentlig på?', en: 'What do you research?' },
      },
      { ...second, answer: { nb: 'Fordi.' } },
    ]);
  });

  it('reorders, adds and removes items as the list says, keeping the ids of the items it names', async () => {
    const interview = await interviewWithItems();
    const [first, second] = await itemsOf(interview.id);
    await organiser(UPDATE_INTERVIEW, {
      id: interview.id,
      input: {
        items: [
          { question: [{ locale: 'nb', text: 'Hva nå?' }], answer: [{ locale: 'nb', text: 'Mer forskning.' }] },
          { id: String(second.id), askedBy: null },
        ],
      },
    });
    const after = await itemsOf(interview.id);
    expect(after).toEqual([
      {
        id: expect.any(Number),
        position: 0,
        question: { nb: 'Hva nå?' },
        answer: { nb: 'Mer forskning.' },
        answeredById: null,
        askedBy: null,
      },
      { ...second, position: 1, askedBy: null },
    ]);
    expect(after[0].id).not.toBe(first.id);
  });

  it("refuses to empty a kept item's question or answer, and changes nothing", async () => {
    const interview = await interviewWithItems();
    const before = await itemsOf(interview.id);
    const error = await refusal(UPDATE_INTERVIEW, {
      id: interview.id,
      input: {
        items: [
          { id: String(before[0].id) },
          {
            id: String(before[1].id),
            answer: [
              { locale: 'nb', text: null },
              { locale: 'en', text: null },
            ],
          },
        ],
      },
    });
    expect(error.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'items[1].answer' });
    expect(await itemsOf(interview.id)).toEqual(before);
  });

  it('refuses an item id of another interview, and changes nothing', async () => {
    const interview = await interviewWithItems();
    const other = await interviewWithItems();
    const [foreign] = await itemsOf(other.id);
    const before = await itemsOf(interview.id);
    const error = await refusal(UPDATE_INTERVIEW, { id: interview.id, input: { items: [{ id: String(foreign.id) }] } });
    expect(error.extensions).toMatchObject({ code: 'NOT_FOUND', field: 'items[0].id' });
    expect(await itemsOf(interview.id)).toEqual(before);
    expect(await itemsOf(other.id)).toHaveLength(2);
  });

  it('takes the full texts of items without id, as on creation', async () => {
    const interview = await interviewWithItems();
    await organiser(UPDATE_INTERVIEW, {
      id: interview.id,
      input: { items: [{ question: [{ locale: 'en', text: 'Anything else?' }], answer: [{ locale: 'en', text: 'No.' }] }] },
    });
    expect(await itemsOf(interview.id)).toEqual([
      expect.objectContaining({ position: 0, question: { en: 'Anything else?' }, answer: { en: 'No.' } }),
    ]);
  });
});
