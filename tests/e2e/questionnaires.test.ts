import { load } from 'js-yaml';
import { APP_CONFIG, AppConfig } from '../../src/config/configuration';
import { QuestionnaireReminders } from '../../src/speaker-portal/questionnaires/questionnaire-reminders';
import { body, elements, HtmlNode, parseHtml, text, visibleText } from '../support/html';
import { rowId } from '../support/ids';
import { Lectern, startLectern } from '../support/lectern';
import { ConferenceRef, programmeBuilder, ProgrammeBuilder, SpeakerRef } from '../support/programme';
import { signInSpeaker, SignedInSpeaker } from '../support/speakers';

/**
 * Interviews answered by speakers: an organiser writes a questionnaire and assigns it; each
 * speaker answers their own questions through GraphQL with their session (drafts merged by
 * language, submit, returned with a note, submitted again); the organiser approves and publishes
 * it as an interview whose items each name the speaker who answered, read back from the JSON
 * API and the Markdown export (front matter parsed with js-yaml).
 */
let lectern: Lectern;
let build: ProgrammeBuilder;
let conference: ConferenceRef;
let anna: SpeakerRef;
let bo: SpeakerRef;
let annaSession: SignedInSpeaker;
let boSession: SignedInSpeaker;
let organiserToken: string;
let otherOrganiserToken: string;

const QUESTIONNAIRE_FIELDS = `id status titlePattern(locale: "sv") locales questions { key text(locale: "sv") }
  interview { slug published items { answeredBy { name } } }
  assignments { id status note speaker { name } answers { questionKey texts { locale text } } }`;
const CREATE = `mutation ($input: CreateQuestionnaireInput!) { createQuestionnaire(input: $input) { ${QUESTIONNAIRE_FIELDS} } }`;
const ASSIGN = `mutation ($input: AssignQuestionnaireInput!) { assignQuestionnaire(input: $input) { id status questions { key } } }`;
const SAVE = `mutation ($input: SaveQuestionnaireAnswersInput!) { saveQuestionnaireAnswers(input: $input) {
  id status answers { questionKey texts { locale text } } } }`;
const SUBMIT = `mutation ($input: SubmitQuestionnaireAnswersInput!) { submitQuestionnaireAnswers(input: $input) { id status submittedAt } }`;
const RETURN = `mutation ($input: ReturnQuestionnaireAnswersInput!) { returnQuestionnaireAnswers(input: $input) { id status note } }`;
const APPROVE = `mutation ($input: ApproveQuestionnaireAnswersInput!) { approveQuestionnaireAnswers(input: $input) { id status } }`;
const PUBLISH = `mutation ($input: PublishQuestionnaireInput!) { publishQuestionnaire(input: $input) { ${QUESTIONNAIRE_FIELDS} } }`;
const MINE = `{ viewer { role questionnaires { id status note title(locale: "sv") dueAt
  questions { key text(locale: "en") } answers { questionKey texts { locale text } } } } }`;
const LIST = `query ($conferenceId: ID!) { questionnaires(conferenceId: $conferenceId, first: 20) {
  totalCount edges { node { id status assignments { id status speaker { name } answers { questionKey } } } } } }`;
const OUTBOX = `query ($conferenceId: ID) { outbox(conferenceId: $conferenceId, first: 100) { edges { node { kind to subject text html } } } }`;

const FIVE_QUESTIONS = {
  titlePattern: [
    { locale: 'sv', text: 'Fem frågor till {name}' },
    { locale: 'en', text: 'Five questions for {name}' },
  ],
  lead: [{ locale: 'sv', text: 'Inför konferensen frågade vi talarna.' }],
  questions: [
    {
      key: 'who',
      text: [
        { locale: 'sv', text: 'Vem är du?' },
        { locale: 'en', text: 'Who are you?' },
      ],
    },
    {
      key: 'why',
      text: [
        { locale: 'sv', text: 'Varför detta ämne?' },
        { locale: 'en', text: 'Why this subject?' },
      ],
    },
    {
      key: 'what',
      text: [
        { locale: 'sv', text: 'Vad ska publiken ta med sig?' },
        { locale: 'en', text: 'What should the audience take home?' },
      ],
    },
  ],
};

const answer = (questionKey: string, locale: string, text: string | null) => ({ questionKey, text: [{ locale, text }] });

beforeAll(async () => {
  lectern = await startLectern();
  build = programmeBuilder(lectern);
  conference = await build.conference({ defaultLocale: 'sv', timeZone: 'Europe/Stockholm', published: true });
  anna = await build.speaker({ name: 'Anna Berg', email: 'anna@example.org', conference });
  bo = await build.speaker({ name: 'Bo Ek', email: 'bo@example.org', conference });
  await build.session(conference, { speakers: [anna, bo], published: true });
  annaSession = await signInSpeaker(lectern, rowId(anna.id));
  boSession = await signInSpeaker(lectern, rowId(bo.id));
  organiserToken = (await build.organiser({ conferences: [conference] })).token;
  const elsewhere = await build.conference();
  otherOrganiserToken = (await build.organiser({ conferences: [elsewhere] })).token;
});
afterAll(() => lectern.close());

const asOrganiser = () => ({ token: organiserToken });
const mine = async (who: SignedInSpeaker) => (await lectern.ok(MINE, {}, { headers: who.headers })).viewer.questionnaires;

async function questionnaire(input: Record<string, unknown> = {}) {
  return (await lectern.ok(CREATE, { input: { conferenceId: conference.id, ...FIVE_QUESTIONS, ...input } }, asOrganiser()))
    .createQuestionnaire;
}

async function assign(questionnaireId: string, speaker: SpeakerRef, questionKeys?: string[]) {
  return (
    await lectern.ok(
      ASSIGN,
      { input: { questionnaireId, speakerId: speaker.id, ...(questionKeys ? { questionKeys } : {}) } },
      asOrganiser(),
    )
  ).assignQuestionnaire;
}

/** Whatever in a parsed page could run: scripts of its own text, event handlers, javascript: links, images. */
function liveMarkup(root: HtmlNode): string[] {
  return elements(root).flatMap((element) => [
    ...(element.tagName === 'script' && text(element).includes('alert') ? ['script'] : []),
    ...(element.tagName === 'img' ? ['img'] : []),
    ...(element.attrs ?? [])
      .filter(({ name, value }) => name.startsWith('on') || /^\s*javascript:/i.test(value))
      .map(({ name }) => `${element.tagName}[${name}]`),
  ]);
}

function readMarkdown(markdown: string) {
  const parts = /^---\n([\s\S]*?)\n---\n([\s\S]*)$/.exec(markdown);
  expect(parts).not.toBeNull();
  return { frontMatter: load(parts![1]) as Record<string, unknown>, body: parts![2] };
}

describe('a questionnaire answered by one speaker', () => {
  it('goes from the organiser to the speaker and back, and is published as an interview answered by that speaker', async () => {
    const created = await questionnaire();
    expect(created).toMatchObject({ status: 'OPEN', titlePattern: 'Fem frågor till {name}', locales: ['sv', 'en'] });
    expect(created.questions.map((q: { key: string }) => q.key)).toEqual(['who', 'why', 'what']);

    const assignment = await assign(created.id, anna);
    expect(assignment).toMatchObject({ status: 'DRAFT', questions: [{ key: 'who' }, { key: 'why' }, { key: 'what' }] });

    // The speaker sees it on their viewer, in the language asked for.
    const [listed] = (await mine(annaSession)).filter((a: { id: string }) => a.id === assignment.id);
    expect(listed).toMatchObject({ status: 'DRAFT', title: 'Fem frågor till Anna Berg', answers: [] });
    expect(listed.questions.map((q: { text: string }) => q.text)).toEqual([
      'Who are you?',
      'Why this subject?',
      'What should the audience take home?',
    ]);

    // Swedish first, English later: both are kept.
    await lectern.ok(
      SAVE,
      { input: { id: assignment.id, answers: [answer('who', 'sv', 'Jag forskar om *öppna data*.')] } },
      { headers: annaSession.headers },
    );
    const saved = (
      await lectern.ok(
        SAVE,
        {
          input: {
            id: assignment.id,
            answers: [answer('who', 'en', 'I research *open data*.'), answer('why', 'sv', 'För att det behövs.')],
          },
        },
        { headers: annaSession.headers },
      )
    ).saveQuestionnaireAnswers;
    expect(saved.answers).toEqual([
      {
        questionKey: 'who',
        texts: [
          { locale: 'sv', text: 'Jag forskar om *öppna data*.' },
          { locale: 'en', text: 'I research *open data*.' },
        ],
      },
      { questionKey: 'why', texts: [{ locale: 'sv', text: 'För att det behövs.' }] },
    ]);

    const submitted = await lectern.ok(
      SUBMIT,
      { input: { id: assignment.id, answers: [answer('what', 'sv', 'Att data är en gemensam resurs.')] } },
      { headers: annaSession.headers },
    );
    expect(submitted.submitQuestionnaireAnswers.status).toBe('SUBMITTED');

    // Submitted: the speaker can no longer change it.
    const late = await lectern.graphql(
      SAVE,
      { input: { id: assignment.id, answers: [answer('why', 'sv', 'Ändrat')] } },
      { headers: annaSession.headers },
    );
    expect(late.errors?.[0].extensions?.code).toBe('CONFLICT');

    // Returned with a note, the speaker edits and submits again.
    const returned = await lectern.ok(RETURN, { input: { id: assignment.id, note: 'Kan du utveckla svaret om varför?' } }, asOrganiser());
    expect(returned.returnQuestionnaireAnswers).toMatchObject({ status: 'RETURNED', note: 'Kan du utveckla svaret om varför?' });
    expect((await mine(annaSession)).find((a: { id: string }) => a.id === assignment.id)).toMatchObject({
      status: 'RETURNED',
      note: 'Kan du utveckla svaret om varför?',
    });
    const told = (await lectern.ok(OUTBOX, { conferenceId: conference.id }, asOrganiser())).outbox.edges
      .map((e: any) => e.node)
      .filter((mail: { kind: string; to: string }) => mail.to === 'anna@example.org' && mail.kind === 'questionnaire-returned');
    expect(told).toHaveLength(1);
    expect(told[0].subject).toBe('Dina svar behöver ändras: Fem frågor till Anna Berg');
    expect(told[0].text).toContain('Kan du utveckla svaret om varför?');
    expect(told[0].text).toContain(`/me/questionnaires/${rowId(assignment.id)}`);
    await lectern.ok(
      SUBMIT,
      { input: { id: assignment.id, answers: [answer('why', 'sv', 'För att öppna data gör förvaltningen bättre.')] } },
      { headers: annaSession.headers },
    );

    // Not approved yet: publishing is refused and changes nothing.
    const early = await lectern.graphql(PUBLISH, { input: { id: created.id } }, asOrganiser());
    expect(early.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'id' });

    await lectern.ok(APPROVE, { input: { id: assignment.id } }, asOrganiser());
    const published = (await lectern.ok(PUBLISH, { input: { id: created.id } }, asOrganiser())).publishQuestionnaire;
    expect(published.status).toBe('PUBLISHED');
    expect(published.interview).toMatchObject({ published: true });
    const slug = published.interview.slug as string;
    expect(slug).toBe('fem-fragor-till-anna-berg');

    // Public, like any published interview: the JSON API…
    const json = await (await fetch(`${lectern.url}/api/interviews/${slug}?locale=sv&format=markdown`)).json();
    expect(json.title).toBe('Fem frågor till Anna Berg');
    expect(json.lead).toBe('Inför konferensen frågade vi talarna.');
    expect(json.speakers.map((s: { name: string }) => s.name)).toEqual(['Anna Berg']);
    expect(json.items).toEqual([
      { question: 'Vem är du?', answer: 'Jag forskar om *öppna data*.', askedBy: null, answeredBy: { slug: anna.slug, name: 'Anna Berg' } },
      {
        question: 'Varför detta ämne?',
        answer: 'För att öppna data gör förvaltningen bättre.',
        askedBy: null,
        answeredBy: { slug: anna.slug, name: 'Anna Berg' },
      },
      {
        question: 'Vad ska publiken ta med sig?',
        answer: 'Att data är en gemensam resurs.',
        askedBy: null,
        answeredBy: { slug: anna.slug, name: 'Anna Berg' },
      },
    ]);
    const english = await (await fetch(`${lectern.url}/api/interviews/${slug}?locale=en&format=markdown`)).json();
    expect(english.title).toBe('Five questions for Anna Berg');
    expect(english.items[0]).toMatchObject({ question: 'Who are you?', answer: 'I research *open data*.' });

    // …and the Markdown export.
    const markdown = await fetch(`${lectern.url}/api/interviews/${slug}.md?locale=sv`);
    expect(markdown.status).toBe(200);
    const page = readMarkdown(await markdown.text());
    expect(page.frontMatter).toMatchObject({
      title: 'Fem frågor till Anna Berg',
      lead: 'Inför konferensen frågade vi talarna.',
      speakers: ['Anna Berg'],
      conference: conference.name,
      locale: 'sv',
      slug,
    });
    expect(page.body).toContain('## Varför detta ämne?');
    expect(page.body).toContain('För att öppna data gör förvaltningen bättre.');

    // Published: the questionnaire no longer changes.
    const again = await lectern.graphql(PUBLISH, { input: { id: created.id } }, asOrganiser());
    expect(again.errors?.[0].extensions?.code).toBe('CONFLICT');
  });

  it("lists a conference's questionnaires with their assignments and answers, for its organisers only", async () => {
    const { questionnaires } = await lectern.ok(LIST, { conferenceId: conference.id }, asOrganiser());
    expect(questionnaires.totalCount).toBeGreaterThan(0);
    const published = questionnaires.edges.map((e: any) => e.node).find((q: any) => q.status === 'PUBLISHED');
    expect(published.assignments[0]).toMatchObject({ status: 'APPROVED', speaker: { name: 'Anna Berg' } });
    expect(published.assignments[0].answers).toHaveLength(3);
    const other = await lectern.graphql(LIST, { conferenceId: conference.id }, { token: otherOrganiserToken });
    expect(other.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const speaker = await lectern.graphql(LIST, { conferenceId: conference.id }, { headers: annaSession.headers });
    expect(speaker.errors?.[0].extensions?.code).toBe('FORBIDDEN');
  });
});

describe('changing a questionnaire', () => {
  it('keeps answers by question key when the questions are reworded and reordered, and drops a removed one from the speaker', async () => {
    const created = await questionnaire();
    const forAnna = await assign(created.id, anna);
    await lectern.ok(SAVE, { input: { id: forAnna.id, answers: [answer('why', 'sv', 'Därför.')] } }, { headers: annaSession.headers });
    const UPDATE = `mutation ($input: UpdateQuestionnaireInput!) { updateQuestionnaire(input: $input) { id dueAt questions { key text(locale: "sv") } } }`;
    const { updateQuestionnaire } = await lectern.ok(
      UPDATE,
      {
        input: {
          id: created.id,
          dueAt: '2030-04-01T10:00:00Z',
          questions: [
            { key: 'why', text: [{ locale: 'sv', text: 'Varför just detta ämne?' }] },
            { key: 'who', text: [{ locale: 'sv', text: 'Vem är du?' }] },
          ],
        },
      },
      asOrganiser(),
    );
    expect(updateQuestionnaire).toMatchObject({
      dueAt: '2030-04-01T10:00:00.000Z',
      questions: [
        { key: 'why', text: 'Varför just detta ämne?' },
        { key: 'who', text: 'Vem är du?' },
      ],
    });
    const [own] = (await mine(annaSession)).filter((a: { id: string }) => a.id === forAnna.id);
    expect(own.questions.map((q: { key: string }) => q.key)).toEqual(['why', 'who']);
    expect(own.answers).toEqual([{ questionKey: 'why', texts: [{ locale: 'sv', text: 'Därför.' }] }]);

    const refused = await lectern.graphql(
      UPDATE,
      {
        input: {
          id: created.id,
          questions: [
            { key: 'a', text: [{ locale: 'sv', text: 'A' }] },
            { key: 'a', text: [] },
          ],
        },
      },
      asOrganiser(),
    );
    expect(refused.errors?.[0].extensions?.problems?.map((p) => p.field)).toEqual(['questions[1].key', 'questions[1].text']);
    const [unchanged] = (await mine(annaSession)).filter((a: { id: string }) => a.id === forAnna.id);
    expect(unchanged.questions.map((q: { key: string }) => q.key)).toEqual(['why', 'who']);
  });
});

describe('a panel', () => {
  it('gives each speaker their own questions, and publishes each answer by its speaker, in question order', async () => {
    const panel = await questionnaire({
      titlePattern: [
        { locale: 'sv', text: 'Samtal med {name}' },
        { locale: 'en', text: 'A talk with {name}' },
      ],
      locales: ['sv'],
      questions: [
        { key: 'anna', text: [{ locale: 'sv', text: 'Anna, vad driver dig?' }] },
        { key: 'bo', text: [{ locale: 'sv', text: 'Bo, vad driver dig?' }] },
        { key: 'both', text: [{ locale: 'sv', text: 'Vad händer nästa år?' }] },
      ],
    });
    const forAnna = await assign(panel.id, anna, ['anna', 'both']);
    const forBo = await assign(panel.id, bo, ['bo', 'both']);
    expect(forAnna.questions.map((q: { key: string }) => q.key)).toEqual(['anna', 'both']);

    // Another speaker's question is not theirs to answer.
    const wrong = await lectern.graphql(
      SAVE,
      { input: { id: forAnna.id, answers: [answer('bo', 'sv', 'Jag svarar åt Bo')] } },
      { headers: annaSession.headers },
    );
    expect(wrong.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'answers[0].questionKey' });

    await lectern.ok(
      SUBMIT,
      { input: { id: forAnna.id, answers: [answer('anna', 'sv', 'Nyfikenhet.'), answer('both', 'sv', 'Mer öppenhet.')] } },
      { headers: annaSession.headers },
    );
    await lectern.ok(
      SUBMIT,
      { input: { id: forBo.id, answers: [answer('bo', 'sv', 'Kaffe.'), answer('both', 'sv', 'Fler lagar.')] } },
      { headers: boSession.headers },
    );
    for (const id of [forAnna.id, forBo.id]) await lectern.ok(APPROVE, { input: { id } }, asOrganiser());
    const published = (await lectern.ok(PUBLISH, { input: { id: panel.id } }, asOrganiser())).publishQuestionnaire;

    const json = await (await fetch(`${lectern.url}/api/interviews/${published.interview.slug}?format=markdown`)).json();
    expect(json.title).toBe('Samtal med Anna Berg och Bo Ek');
    expect(json.items.map((item: any) => [item.question, item.answer, item.answeredBy.name])).toEqual([
      ['Anna, vad driver dig?', 'Nyfikenhet.', 'Anna Berg'],
      ['Bo, vad driver dig?', 'Kaffe.', 'Bo Ek'],
      ['Vad händer nästa år?', 'Mer öppenhet.', 'Anna Berg'],
      ['Vad händer nästa år?', 'Fler lagar.', 'Bo Ek'],
    ]);
    const english = await (await fetch(`${lectern.url}/api/interviews/${published.interview.slug}?locale=en`)).json();
    expect(english.title).toBe('A talk with Anna Berg and Bo Ek');
  });
});

describe('what a speaker may reach', () => {
  it("neither reads nor answers another speaker's assignment, nor calls an organiser mutation", async () => {
    const created = await questionnaire();
    const forBo = await assign(created.id, bo);
    expect((await mine(annaSession)).map((a: { id: string }) => a.id)).not.toContain(forBo.id);

    for (const mutation of [SAVE, SUBMIT]) {
      const refused = await lectern.graphql(
        mutation,
        { input: { id: forBo.id, answers: [answer('who', 'sv', 'Inte jag')] } },
        { headers: annaSession.headers },
      );
      expect(refused.errors?.[0].extensions?.code).toBe('NOT_FOUND');
    }
    const node = await lectern.graphql(`query ($id: ID!) { node(id: $id) { id } }`, { id: forBo.id }, { headers: annaSession.headers });
    expect(node.data?.node ?? null).toBeNull();

    const organiserOnly: [string, Record<string, unknown>][] = [
      [CREATE, { input: { conferenceId: conference.id, ...FIVE_QUESTIONS } }],
      [
        `mutation ($input: UpdateQuestionnaireInput!) { updateQuestionnaire(input: $input) { id } }`,
        { input: { id: created.id, dueAt: '2030-01-01T00:00:00Z' } },
      ],
      [ASSIGN, { input: { questionnaireId: created.id, speakerId: anna.id } }],
      [
        `mutation ($input: UpdateQuestionnaireAnswersInput!) { updateQuestionnaireAnswers(input: $input) { id } }`,
        { input: { id: forBo.id, answers: [answer('who', 'sv', 'x')] } },
      ],
      [RETURN, { input: { id: forBo.id, note: 'x' } }],
      [APPROVE, { input: { id: forBo.id } }],
      [PUBLISH, { input: { id: created.id } }],
    ];
    for (const [mutation, variables] of organiserOnly) {
      const refused = await lectern.graphql(mutation, variables, { headers: annaSession.headers });
      expect(refused.errors?.[0].extensions?.code).toMatch(/^(UNAUTHENTICATED|FORBIDDEN)$/);
    }
    // Bo's answers stayed as they were; nobody else was assigned.
    const { questionnaires } = await lectern.ok(LIST, { conferenceId: conference.id }, asOrganiser());
    const stored = questionnaires.edges.map((e: any) => e.node).find((q: any) => q.id === created.id);
    expect(stored.assignments).toEqual([{ id: forBo.id, status: 'DRAFT', speaker: { name: 'Bo Ek' }, answers: [] }]);

    // The organiser sees it through node(id), the speaker their own.
    const byOrganiser = await lectern.ok(`query ($id: ID!) { node(id: $id) { id } }`, { id: forBo.id }, asOrganiser());
    expect(byOrganiser.node).toEqual({ id: forBo.id });
    const byBo = await lectern.ok(`query ($id: ID!) { node(id: $id) { id } }`, { id: forBo.id }, { headers: boSession.headers });
    expect(byBo.node).toEqual({ id: forBo.id });
  });

  it('an organiser token does not pass the speaker mutations', async () => {
    const created = await questionnaire();
    const forAnna = await assign(created.id, anna);
    const refused = await lectern.graphql(SAVE, { input: { id: forAnna.id, answers: [answer('who', 'sv', 'x')] } }, asOrganiser());
    expect(refused.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
  });
});

describe('submitting', () => {
  it('refuses an unanswered question with BAD_USER_INPUT naming its answer, and changes nothing', async () => {
    const created = await questionnaire();
    const forAnna = await assign(created.id, anna);
    await lectern.ok(SAVE, { input: { id: forAnna.id, answers: [answer('who', 'sv', 'Anna.')] } }, { headers: annaSession.headers });
    const refused = await lectern.graphql(
      SUBMIT,
      { input: { id: forAnna.id, answers: [answer('who', 'en', 'Anna.'), answer('why', 'sv', 'Därför.'), answer('what', 'sv', '  ')] } },
      { headers: annaSession.headers },
    );
    expect(refused.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'answers[2].text' });
    expect(refused.errors?.[0].message).toContain('answers[2].text');
    const [after] = (await mine(annaSession)).filter((a: { id: string }) => a.id === forAnna.id);
    expect(after).toMatchObject({ status: 'DRAFT', answers: [{ questionKey: 'who', texts: [{ locale: 'sv', text: 'Anna.' }] }] });
  });

  it('refuses a language the questionnaire is not answered in, naming it', async () => {
    const created = await questionnaire();
    const forAnna = await assign(created.id, anna);
    const refused = await lectern.graphql(
      SAVE,
      { input: { id: forAnna.id, answers: [answer('who', 'nb', 'Hei')] } },
      { headers: annaSession.headers },
    );
    expect(refused.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'answers[0].text[0].locale' });
  });
});

describe('hostile Markdown in an answer', () => {
  it('never reaches the public page or the JSON API as live HTML', async () => {
    const created = await questionnaire({ locales: ['sv'] });
    const forAnna = await assign(created.id, anna, ['who']);
    const hostile = 'Hej <script>alert(1)</script> <img src=x onerror=alert(2)> [klicka](javascript:alert(3))';
    await lectern.ok(SUBMIT, { input: { id: forAnna.id, answers: [answer('who', 'sv', hostile)] } }, { headers: annaSession.headers });
    await lectern.ok(APPROVE, { input: { id: forAnna.id } }, asOrganiser());
    const { interview } = (await lectern.ok(PUBLISH, { input: { id: created.id, slug: 'hostile-answers' } }, asOrganiser()))
      .publishQuestionnaire;

    const json = await (await fetch(`${lectern.url}/api/interviews/${interview.slug}?format=html`)).json();
    const answerHtml = parseHtml(json.items[0].answer as string);
    expect(liveMarkup(answerHtml)).toEqual([]);
    expect(visibleText(answerHtml)).toContain('<script>alert(1)</script>');

    const response = await fetch(`${lectern.url}/interviews/${interview.slug}`);
    expect(response.status).toBe(200);
    const page = parseHtml(await response.text());
    expect(liveMarkup(page)).toEqual([]);
    expect(visibleText(body(page))).toContain('<img src=x onerror=alert(2)>');
  });
});

describe('reminders', () => {
  it("mail each unsubmitted speaker with an e-mail once, before the due date, in the conference's language, however many instances poll", async () => {
    const reminded = await build.conference({ defaultLocale: 'sv', published: true });
    const dora = await build.speaker({ name: 'Dora Falk', email: 'dora@example.org', conference: reminded });
    const erik = await build.speaker({ name: 'Erik Gran', email: 'erik@example.org', conference: reminded });
    const nomail = await build.speaker({ name: 'Utan Post', conference: reminded });
    const dueAt = new Date(Date.now() + 2 * 24 * 60 * 60 * 1000).toISOString();
    const created = (
      await lectern.ok(CREATE, { input: { conferenceId: reminded.id, ...FIVE_QUESTIONS, locales: ['sv'], dueAt } }, { as: 'organiser' })
    ).createQuestionnaire;
    const assignTo = async (speaker: SpeakerRef) =>
      (await lectern.ok(ASSIGN, { input: { questionnaireId: created.id, speakerId: speaker.id } }, { as: 'organiser' }))
        .assignQuestionnaire;
    const forDora = await assignTo(dora);
    const forErik = await assignTo(erik);
    await assignTo(nomail);
    const erikSession = await signInSpeaker(lectern, rowId(erik.id));
    await lectern.ok(
      SUBMIT,
      { input: { id: forErik.id, answers: ['who', 'why', 'what'].map((key) => answer(key, 'sv', 'Svar.')) } },
      { headers: erikSession.headers },
    );

    // A second instance over the same database; both poll at once, then again.
    const { sqlitePath, databaseUrl } = lectern.app.get<symbol, AppConfig>(APP_CONFIG);
    const second = await startLectern(databaseUrl ? {} : { SQLITE_PATH: sqlitePath });
    try {
      const instances = [lectern, second].map((instance) => instance.app.get(QuestionnaireReminders));
      await Promise.all(instances.map((reminders) => reminders.poll()));
      await Promise.all(instances.map((reminders) => reminders.poll()));
    } finally {
      await second.close();
    }

    const mails = (await lectern.ok(OUTBOX, { conferenceId: reminded.id }, { as: 'organiser' })).outbox.edges.map((e: any) => e.node);
    const sent = mails.filter((mail: { kind: string }) => mail.kind === 'questionnaire-reminder');
    expect(sent.map((mail: { to: string }) => mail.to)).toEqual(['dora@example.org']);
    expect(sent[0].subject).toBe('Påminnelse: Fem frågor till Dora Falk');
    expect(sent[0].text).toContain(`/me/questionnaires/${rowId(forDora.id)}`);
    // Assigning told each speaker with an address, once.
    expect(
      mails
        .filter((mail: { kind: string }) => mail.kind === 'questionnaire-assigned')
        .map((mail: { to: string }) => mail.to)
        .sort(),
    ).toEqual(['dora@example.org', 'erik@example.org']);
  });

  it('are never sent with QUESTIONNAIRE_REMINDER_DAYS=0', async () => {
    const off = await startLectern({ QUESTIONNAIRE_REMINDER_DAYS: '0' });
    try {
      const offBuild = programmeBuilder(off);
      const conf = await offBuild.conference();
      const speaker = await offBuild.speaker({ email: 'f@example.org', conference: conf });
      const dueAt = new Date(Date.now() + 60 * 60 * 1000).toISOString();
      const created = (await off.ok(CREATE, { input: { conferenceId: conf.id, ...FIVE_QUESTIONS, dueAt } }, { as: 'organiser' }))
        .createQuestionnaire;
      await off.ok(ASSIGN, { input: { questionnaireId: created.id, speakerId: speaker.id } }, { as: 'organiser' });
      await off.app.get(QuestionnaireReminders).poll();
      const mails = (await off.ok(OUTBOX, { conferenceId: conf.id }, { as: 'organiser' })).outbox.edges.map((e: any) => e.node.kind);
      expect(mails).toEqual(['questionnaire-assigned']);
    } finally {
      await off.close();
    }
  });
});
