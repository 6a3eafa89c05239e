import { attr, body, byAttr, byTag, HtmlNode, parseHtml, text, visibleText } from '../support/html';
import { rowId } from '../support/ids';
import { Lectern, startLectern } from '../support/lectern';
import { programmeBuilder, SpeakerRef } from '../support/programme';
import { signInSpeaker, SignedInSpeaker } from '../support/speakers';

/**
 * The speaker's questionnaire pages over plain HTTP, as a browser without JavaScript uses them:
 * a list, and a form per assignment posted urlencoded with the `_csrf` field; errors shown at
 * the answer they name; read-only once submitted, editable again when returned with a note.
 */
let lectern: Lectern;
let anna: SpeakerRef;
let bo: SpeakerRef;
let annaSession: SignedInSpeaker;
let assignmentId: string;
let boAssignmentId: string;
let page: string;

const MINE = `{ viewer { questionnaires { id status answers { questionKey texts { locale text } } } } }`;

beforeAll(async () => {
  lectern = await startLectern();
  const build = programmeBuilder(lectern);
  const conference = await build.conference({ defaultLocale: 'sv', name: 'Framtidsdagarna', published: true });
  anna = await build.speaker({ name: 'Anna Berg', conference });
  bo = await build.speaker({ name: 'Bo Ek', conference });
  const { createQuestionnaire } = await lectern.ok(
    `mutation ($input: CreateQuestionnaireInput!) { createQuestionnaire(input: $input) { id } }`,
    {
      input: {
        conferenceId: conference.id,
        titlePattern: [
          { locale: 'sv', text: 'Två frågor till {name}' },
          { locale: 'en', text: 'Two questions for {name}' },
        ],
        lead: [{ locale: 'en', text: 'We asked our **speakers**.' }],
        questions: [
          {
            text: [
              { locale: 'sv', text: 'Vem är du?' },
              { locale: 'en', text: 'Who are you?' },
            ],
          },
          {
            text: [
              { locale: 'sv', text: 'Vad gör du?' },
              { locale: 'en', text: 'What do you do?' },
            ],
          },
        ],
        dueAt: '2030-04-20T15:00:00Z',
      },
    },
    { as: 'organiser' },
  );
  const assign = async (speaker: SpeakerRef) =>
    (
      await lectern.ok(
        `mutation ($input: AssignQuestionnaireInput!) { assignQuestionnaire(input: $input) { id } }`,
        { input: { questionnaireId: createQuestionnaire.id, speakerId: speaker.id } },
        { as: 'organiser' },
      )
    ).assignQuestionnaire.id as string;
  assignmentId = await assign(anna);
  boAssignmentId = await assign(bo);
  annaSession = await signInSpeaker(lectern, rowId(anna.id));
  page = `/me/questionnaires/${rowId(assignmentId)}`;
});
afterAll(() => lectern.close());

const get = async (path: string, cookie: string | null = annaSession.cookie) => {
  const response = await fetch(`${lectern.url}${path}`, {
    headers: { 'accept-language': 'en', ...(cookie ? { cookie } : {}) },
    redirect: 'manual',
  });
  return { response, html: parseHtml(await response.text()) };
};

const post = async (path: string, fields: Record<string, string>, csrf: string | null = annaSession.csrf) => {
  const form = new URLSearchParams({ ...(csrf ? { _csrf: csrf } : {}), ...fields });
  const response = await fetch(`${lectern.url}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', 'accept-language': 'en', cookie: annaSession.cookie },
    body: form.toString(),
    redirect: 'manual',
  });
  return { response, html: parseHtml(await response.text()) };
};

const textareas = (html: HtmlNode) => byTag(html, 'textarea');
const valueOf = (html: HtmlNode, name: string) => text(byAttr(html, 'name', name)[0]);
const ownAnswers = async () =>
  (await lectern.ok(MINE, {}, { headers: annaSession.headers })).viewer.questionnaires.find((a: { id: string }) => a.id === assignmentId);

describe('the speaker’s questionnaire pages', () => {
  it('list the speaker’s own questionnaires with their state and due date', async () => {
    const { response, html } = await get('/me/questionnaires');
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toContain('no-store');
    const rows = byTag(html, 'tr').filter((row) => attr(row, 'data-assignment') !== undefined);
    expect(rows.map((row) => attr(row, 'data-assignment'))).toEqual([String(rowId(assignmentId))]);
    const link = byTag(rows[0], 'a')[0];
    expect(attr(link, 'href')).toBe(page);
    expect(visibleText(link)).toBe('Two questions for Anna Berg');
    expect(visibleText(rows[0])).toContain('Framtidsdagarna');
    expect(visibleText(rows[0])).toContain('Not submitted yet');
    expect(attr(byTag(rows[0], 'time')[0], 'datetime')).toBe('2030-04-20T15:00:00.000Z');
  });

  it('send a visitor without a speaker session to the sign-in page, and a stranger’s questionnaire is not found', async () => {
    const { response } = await get('/me/questionnaires', null);
    expect(response.status).toBe(303);
    expect(response.headers.get('location')).toBe('/me/sign-in');
    expect((await get(`/me/questionnaires/${rowId(boAssignmentId)}`)).response.status).toBe(404);
    expect((await post(`/me/questionnaires/${rowId(boAssignmentId)}`, { action: 'save', 'answer.0.sv': 'Inte jag' })).response.status).toBe(
      404,
    );
  });

  it('show a form with a labelled textarea per question and language, the lead, and both buttons', async () => {
    const { response, html } = await get(page);
    expect(response.status).toBe(200);
    const form = byTag(html, 'form').find((f) => attr(f, 'action') === page)!;
    expect(attr(form, 'method')).toBe('post');
    expect(attr(byAttr(form, 'name', '_csrf')[0], 'value')).toBe(annaSession.csrf);
    const fields = textareas(form);
    expect(fields.map((field) => attr(field, 'name'))).toEqual(['answer.0.sv', 'answer.0.en', 'answer.1.sv', 'answer.1.en']);
    const labels = byTag(html, 'label');
    for (const field of fields) {
      const label = labels.find((l) => attr(l, 'for') === attr(field, 'id'));
      expect(label).toBeDefined();
    }
    expect(visibleText(labels.find((l) => attr(l, 'for') === 'answer-0-sv')!)).toBe('Who are you? (answer in Swedish)');
    expect(byTag(form, 'button').map((button) => [attr(button, 'value'), visibleText(button)])).toEqual([
      ['save', 'Save draft'],
      ['submit', 'Submit'],
    ]);
    expect(byTag(body(html), 'strong').some((strong) => visibleText(strong) === 'speakers')).toBe(true);
  });

  it('refuse a post without the CSRF field, and change nothing', async () => {
    const { response } = await post(page, { action: 'save', 'answer.0.sv': 'Utan token' }, null);
    expect(response.status).toBe(403);
    expect((await ownAnswers()).answers).toEqual([]);
  });

  it('save a draft, keep it, and show it again', async () => {
    const { response } = await post(page, {
      action: 'save',
      'answer.0.sv': 'Jag heter Anna.',
      'answer.0.en': '',
      'answer.1.sv': '',
      'answer.1.en': '',
    });
    expect(response.status).toBe(303);
    expect(response.headers.get('location')).toBe(`${page}?saved=`);
    const { html } = await get(`${page}?saved`);
    expect(visibleText(byAttr(html, 'role', 'status')[0])).toBe('Your draft is saved.');
    expect(valueOf(html, 'answer.0.sv')).toBe('Jag heter Anna.');
    expect((await ownAnswers()).answers).toEqual([{ questionKey: 'q1', texts: [{ locale: 'sv', text: 'Jag heter Anna.' }] }]);
  });

  it('show a refused submission’s errors at the answer they name, keep what was typed, and change nothing', async () => {
    const { response, html } = await post(page, {
      action: 'submit',
      'answer.0.sv': 'Jag heter Anna Berg.',
      'answer.0.en': 'I am Anna Berg.',
      'answer.1.sv': ' ',
      'answer.1.en': '',
    });
    expect(response.status).toBe(400);
    expect(byAttr(html, 'role', 'alert').length).toBe(1);
    const errors = byTag(html, 'ul').find((list) => attr(list, 'id') === 'question-1-errors')!;
    expect(byTag(errors, 'li').map((item) => attr(item, 'data-field'))).toEqual(['answers[1].text']);
    const second = byAttr(html, 'name', 'answer.1.sv')[0];
    expect(attr(second, 'aria-invalid')).toBe('true');
    expect(attr(second, 'aria-describedby')).toContain('question-1-errors');
    expect(valueOf(html, 'answer.0.en')).toBe('I am Anna Berg.');
    expect(await ownAnswers()).toMatchObject({
      status: 'DRAFT',
      answers: [{ questionKey: 'q1', texts: [{ locale: 'sv', text: 'Jag heter Anna.' }] }],
    });
  });

  it('submit, then show the answers read-only and refuse further edits', async () => {
    const { response } = await post(page, {
      action: 'submit',
      'answer.0.sv': 'Jag heter Anna.',
      'answer.0.en': 'I am Anna.',
      'answer.1.sv': 'Jag forskar.',
      'answer.1.en': '',
    });
    expect(response.status).toBe(303);
    const { html } = await get(`${page}?submitted`);
    expect(textareas(html)).toEqual([]);
    expect(visibleText(byAttr(html, 'data-status', 'SUBMITTED')[0])).toBe('Submitted');
    expect(visibleText(body(html))).toContain('Jag forskar.');
    const late = await post(page, { action: 'save', 'answer.0.sv': 'Ändrat' });
    expect(late.response.status).toBe(409);
    expect((await ownAnswers()).status).toBe('SUBMITTED');
  });

  it('show the organisers’ note and the form again when the answers are returned', async () => {
    await lectern.ok(
      `mutation ($input: ReturnQuestionnaireAnswersInput!) { returnQuestionnaireAnswers(input: $input) { id } }`,
      { input: { id: assignmentId, note: 'Please say a word more about your research.' } },
      { as: 'organiser' },
    );
    const { html } = await get(page);
    const note = byTag(html, 'aside')[0];
    expect(visibleText(note)).toContain('Please say a word more about your research.');
    expect(valueOf(html, 'answer.1.sv')).toBe('Jag forskar.');
    expect(textareas(html)).toHaveLength(4);
  });
});
