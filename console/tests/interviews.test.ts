import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { Browser, Page } from 'playwright-core';
import { axeViolations, launchBrowser } from '../../tests/support/browser';
import { builtConsole, expectOnlyCommittedOperations, openConsole, signInWithToken } from '../../tests/support/console';
import { rowId } from '../../tests/support/ids';
import { Lectern, startLectern } from '../../tests/support/lectern';
import { ConferenceRef, programmeBuilder, SessionRef, SpeakerRef } from '../../tests/support/programme';
import { signInSpeaker } from '../../tests/support/speakers';

/**
 * Interviews from the console: a questionnaire written with its questions in two languages, a
 * speaker asked, their answers (given through their own session) followed, reviewed, approved and
 * published as an interview, unpublished and published again; and an interview written by hand.
 */

const SCREENSHOTS = join(__dirname, '..', '..', 'test-output', 'console');

let lectern: Lectern;
let browser: Browser;
let conference: ConferenceRef;
let anna: SpeakerRef;
let bo: SpeakerRef;
let talk: SessionRef;

beforeAll(async () => {
  lectern = await startLectern({ CONSOLE_DIR: builtConsole() });
  browser = await launchBrowser();
  mkdirSync(SCREENSHOTS, { recursive: true });
  const build = programmeBuilder(lectern);
  conference = await build.conference({
    slug: 'samtal-2027',
    name: 'Samtal 2027',
    defaultLocale: 'sv',
    timeZone: 'Europe/Stockholm',
    published: true,
  });
  anna = await build.speaker({ name: 'Anna Berg', email: 'anna@example.org', conference });
  bo = await build.speaker({ name: 'Bo Ek', email: 'bo@example.org', conference });
  talk = await build.session(conference, { title: 'Öppna data i kommunen', speakers: [anna, bo], published: true });
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await lectern?.close();
});

const questionnaires = async () =>
  (
    await lectern.ok(
      `query ($id: ID!) { questionnaires(conferenceId: $id, first: 5) { edges { node {
        id status locales titlePatterns { locale text } questions { key texts { locale text } }
        assignments { id status speaker { name } answers { questionKey texts { locale text } } }
        interview { slug published } } } } }`,
      { id: conference.id },
      { as: 'organiser' },
    )
  ).questionnaires.edges.map((edge: { node: unknown }) => edge.node);

/** Whether the page scrolls sideways in the 1280 × 720 window. */
const widerThanTheWindow = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth);

const INTERVIEW = `query ($slug: String!) { interview(slug: $slug) { slug published title(locale: "sv")
  speakers { name } items { question(locale: "sv") answer(locale: "sv") answeredBy { name } } } }`;

it('writes a questionnaire with two questions, asks a speaker, follows her answers, approves and publishes them as an interview', async () => {
  const session = await openConsole(browser, lectern);
  const { page } = session;
  await signInWithToken(page, lectern.adminToken);
  await page.goto(`${lectern.url}/console/conferences/samtal-2027/interviews`);
  await page.getByRole('heading', { name: 'Interviews', level: 1 }).waitFor();
  expect(await page.getByRole('link', { name: 'Interviews', exact: true }).getAttribute('aria-current')).toBe('page');
  await page.getByText('No interviews or questionnaires yet.').waitFor();

  // By keyboard: the link, the button that adds questions, the one that moves them.
  await page.getByRole('link', { name: 'New questionnaire' }).focus();
  await page.keyboard.press('Enter');
  await page.getByRole('heading', { name: 'New questionnaire' }).waitFor();
  await page.getByLabel('Languages answered in').fill('sv, en');
  await page.getByLabel('Title (sv)').fill('Två frågor till {name}');
  await page.getByLabel('Title (en)').fill('Two questions for {name}');
  await page.getByLabel('Introduction (sv)').fill('Inför konferensen frågade vi talarna.');
  await page.getByRole('button', { name: 'Add a question' }).focus();
  for (let i = 0; i < 3; i++) await page.keyboard.press('Enter');
  const question = (number: number) => page.getByRole('group', { name: `Question ${number}`, exact: true });
  await question(1).getByLabel('Key').fill('Vem är du');
  await question(1).getByLabel('Question 1 (sv)').fill('Vem är du?');
  await question(1).getByLabel('Question 1 (en)').fill('Who are you?');
  await question(2).getByLabel('Key').fill('why');
  await question(2).getByLabel('Question 2 (sv)').fill('Varför detta ämne?');
  await question(2).getByLabel('Question 2 (en)').fill('Why this subject?');
  await question(3).getByLabel('Question 3 (sv)').fill('Något mer?');
  // The third goes, the second moves up: "why" is asked first.
  await page.getByRole('button', { name: 'Remove question 3' }).click();
  await page.getByRole('button', { name: 'Move question 2 up' }).focus();
  await page.keyboard.press('Space');
  expect(await question(1).getByLabel('Key').inputValue()).toBe('why');
  expect(await question(2).getByLabel('Question 2 (sv)').inputValue()).toBe('Vem är du?');

  // A key the server refuses: its message at the field, and nothing is written.
  await page.getByRole('button', { name: 'Save' }).click();
  const keyProblem = question(2)
    .locator('.field-invalid', { has: page.getByLabel('Key') })
    .locator('.problem');
  await keyProblem.waitFor();
  expect(await keyProblem.textContent()).toMatch(/lower-case letters/);
  expect(await question(2).getByLabel('Key').getAttribute('aria-invalid')).toBe('true');
  expect(await axeViolations(page)).toEqual([]);
  expect(await questionnaires()).toEqual([]);

  await question(2).getByLabel('Key').fill('who');
  await page.getByRole('button', { name: 'Save' }).click();
  await page.getByRole('heading', { name: 'Questionnaire: Two questions for {name}' }).waitFor();
  const [written] = await questionnaires();
  expect(written).toMatchObject({
    status: 'OPEN',
    locales: ['sv', 'en'],
    titlePatterns: [
      { locale: 'sv', text: 'Två frågor till {name}' },
      { locale: 'en', text: 'Two questions for {name}' },
    ],
    questions: [
      {
        key: 'why',
        texts: [
          { locale: 'sv', text: 'Varför detta ämne?' },
          { locale: 'en', text: 'Why this subject?' },
        ],
      },
      {
        key: 'who',
        texts: [
          { locale: 'sv', text: 'Vem är du?' },
          { locale: 'en', text: 'Who are you?' },
        ],
      },
    ],
    assignments: [],
  });

  // Anna is asked.
  await page.getByLabel('Speaker to ask').selectOption({ label: 'Anna Berg' });
  await page.getByRole('button', { name: 'Ask to answer' }).click();
  await page.getByRole('status').filter({ hasText: 'Anna Berg was asked' }).waitFor();
  await page
    .getByRole('row', { name: /Anna Berg/ })
    .getByText('Not answered yet')
    .waitFor();
  const [asked] = await questionnaires();
  expect(asked.assignments).toEqual([{ id: expect.any(String), status: 'DRAFT', speaker: { name: 'Anna Berg' }, answers: [] }]);

  // The list says who has not answered yet.
  await page.getByRole('link', { name: 'All interviews' }).click();
  const row = page.getByRole('row', { name: /Two questions for Anna Berg/ });
  await row.waitFor();
  expect(await row.getByRole('cell').allTextContents()).toEqual([
    'Two questions for Anna Berg',
    'Anna Berg',
    'Being answered',
    'Nobody',
    'Anna Berg',
  ]);

  // She answers through her own session, as the speaker's page does.
  const speaker = await signInSpeaker(lectern, rowId(anna.id));
  await lectern.ok(
    `mutation ($input: SubmitQuestionnaireAnswersInput!) { submitQuestionnaireAnswers(input: $input) { id status } }`,
    {
      input: {
        id: asked.assignments[0].id,
        answers: [
          { questionKey: 'why', text: [{ locale: 'sv', text: 'För att öppna data gör förvaltningen bättre.' }] },
          {
            questionKey: 'who',
            text: [
              { locale: 'sv', text: 'Jag forskar om öppna data.' },
              { locale: 'en', text: 'I research open data.' },
            ],
          },
        ],
      },
    },
    { headers: speaker.headers },
  );

  await page.reload();
  await row.waitFor();
  expect(await row.getByRole('cell').allTextContents()).toEqual([
    'Two questions for Anna Berg',
    'Anna Berg',
    'Being answered',
    'Anna Berg (Answered, to review)',
    'Nobody',
  ]);
  expect(await axeViolations(page)).toEqual([]);

  // Reviewed and approved.
  await row.getByRole('link', { name: 'Two questions for Anna Berg' }).click();
  const answers = page.getByRole('region', { name: /Answers of Anna Berg/ });
  await answers.waitFor();
  expect(await answers.getByRole('definition').allTextContents()).toEqual([
    'sv För att öppna data gör förvaltningen bättre.',
    'sv Jag forskar om öppna data.',
    'en I research open data.',
  ]);
  await page.getByRole('button', { name: 'Approve the answers of Anna Berg' }).click();
  await page
    .getByRole('row', { name: /Anna Berg/ })
    .getByText('Approved')
    .waitFor();
  expect((await questionnaires())[0].assignments[0].status).toBe('APPROVED');
  expect(await axeViolations(page)).toEqual([]);

  // An address name the server refuses: its message at the field, and nothing is published.
  await page.getByLabel('Address name of the interview').fill('Två frågor');
  await page.getByRole('button', { name: 'Publish as an interview' }).click();
  const slugProblem = page.locator('.field-invalid', { has: page.getByLabel('Address name of the interview') }).locator('.problem');
  await slugProblem.waitFor();
  expect(await slugProblem.textContent()).toMatch(/lower-case letters/);
  expect((await questionnaires())[0]).toMatchObject({ status: 'OPEN', interview: null });

  // Published as an interview, each answer by Anna.
  await page.getByLabel('Address name of the interview').fill('');
  await page.getByRole('button', { name: 'Publish as an interview' }).click();
  await page.getByRole('heading', { name: 'Interview: Two questions for Anna Berg' }).waitFor();
  await page.getByText('Published: the public sees this interview.').waitFor();
  const [published] = await questionnaires();
  expect(published).toMatchObject({ status: 'PUBLISHED', interview: { slug: 'tva-fragor-till-anna-berg', published: true } });
  const expected = {
    slug: 'tva-fragor-till-anna-berg',
    published: true,
    title: 'Två frågor till Anna Berg',
    speakers: [{ name: 'Anna Berg' }],
    items: [
      { question: 'Varför detta ämne?', answer: 'För att öppna data gör förvaltningen bättre.', answeredBy: { name: 'Anna Berg' } },
      { question: 'Vem är du?', answer: 'Jag forskar om öppna data.', answeredBy: { name: 'Anna Berg' } },
    ],
  };
  // The public reads it too.
  expect((await lectern.ok(INTERVIEW, { slug: 'tva-fragor-till-anna-berg' })).interview).toEqual(expected);
  expect(await page.getByLabel('Answer 1 (sv)').inputValue()).toBe('För att öppna data gör förvaltningen bättre.');
  expect(await page.getByLabel('Answer 2 (en)').inputValue()).toBe('I research open data.');
  expect(await axeViolations(page)).toEqual([]);
  expect(await widerThanTheWindow(page)).toBe(false);
  await page.screenshot({ path: join(SCREENSHOTS, 'interview.png') });

  // Unpublished: the public no longer sees it; published again, it does.
  await page.getByRole('button', { name: 'Unpublish' }).click();
  await page.getByText('Not published: only organisers see this interview.').waitFor();
  const hidden = await lectern.graphql(INTERVIEW, { slug: 'tva-fragor-till-anna-berg' });
  expect(hidden.errors?.[0].extensions?.code).toBe('NOT_FOUND');
  expect((await lectern.ok(INTERVIEW, { slug: 'tva-fragor-till-anna-berg' }, { as: 'organiser' })).interview.published).toBe(false);
  await page.getByRole('button', { name: 'Publish', exact: true }).click();
  await page.getByText('Published: the public sees this interview.').waitFor();
  expect((await lectern.ok(INTERVIEW, { slug: 'tva-fragor-till-anna-berg' })).interview).toEqual(expected);

  await page.getByRole('link', { name: 'All interviews' }).click();
  const listed = page.getByRole('row', { name: /Two questions for Anna Berg/ });
  await listed.getByText('Published').waitFor();
  expect(await widerThanTheWindow(page)).toBe(false);
  expectOnlyCommittedOperations(session);
  await session.context.close();
});

it('writes an interview by hand in two languages, reorders and removes its questions, and a wrong value changes nothing', async () => {
  const slugs = async () =>
    (
      await lectern.ok(`{ interviews(conferenceSlug: "samtal-2027") { edges { node { slug } } } }`, {}, { as: 'organiser' })
    ).interviews.edges.map((edge: { node: { slug: string } }) => edge.node.slug);
  const before = await slugs();
  const session = await openConsole(browser, lectern);
  const { page } = session;
  await signInWithToken(page, lectern.adminToken);
  await page.goto(`${lectern.url}/console/conferences/samtal-2027/interviews`);
  await page.getByRole('link', { name: 'Write an interview by hand' }).click();
  await page.getByRole('heading', { name: 'New interview' }).waitFor();
  await page.getByLabel('Address name').fill('Samtal med Bo');
  await page.getByLabel('Title (sv)').fill('Samtal med Bo Ek');
  await page.getByLabel('Title (en)').fill('A talk with Bo Ek');
  await page.getByRole('group', { name: 'Who is interviewed' }).getByLabel('Bo Ek').check();
  for (let i = 0; i < 3; i++) await page.getByRole('button', { name: 'Add a question and answer' }).click();
  await page.getByLabel('Question 1 (sv)').fill('Vad driver dig?');
  await page.getByLabel('Answer 1 (sv)').fill('Kaffe.');
  await page.getByLabel('Question 1 (en)').fill('What drives you?');
  await page.getByLabel('Answer 1 (en)').fill('Coffee.');
  await page.getByLabel('Question 2 (sv)').fill('Strykes?');
  await page.getByLabel('Answer 2 (sv)').fill('Ja.');
  await page.getByLabel('Question 3 (sv)').fill('Vad händer nästa år?');
  await page.getByLabel('Answer 3 (sv)').fill('Fler lagar.');
  await page.getByLabel('Answered by (question 3)').selectOption({ label: 'Bo Ek' });
  await page.getByRole('button', { name: 'Remove question 2' }).click();
  await page.getByRole('button', { name: 'Move question 2 up' }).click();

  // The server refuses the address name: its message at the field, and no interview is written.
  await page.getByRole('button', { name: 'Save' }).click();
  const slugProblem = page.locator('.field-invalid', { has: page.getByLabel('Address name') }).locator('.problem');
  await slugProblem.waitFor();
  expect(await slugProblem.textContent()).toMatch(/lower-case letters/);
  expect(await axeViolations(page)).toEqual([]);
  expect(await slugs()).toEqual(before);

  await page.getByLabel('Address name').fill('samtal-med-bo');
  await page.getByLabel('First published on').fill('2027-01-15');
  await page.getByLabel('Where it was first published').fill('https://samtal.example.org/bo');
  await page.getByLabel('The session it is about').selectOption({ label: 'Öppna data i kommunen' });
  await page.getByRole('button', { name: 'Save' }).click();
  await page.getByRole('heading', { name: 'Interview: A talk with Bo Ek' }).waitFor();
  await page.getByText('Not published: only organisers see this interview.').waitFor();
  const READ = `{ interview(slug: "samtal-med-bo") { published language publishedOn sourceUrl session { id } title(locale: "sv") english: title(locale: "en")
    speakers { name } items { question(locale: "sv") answer(locale: "sv") englishQuestion: question(locale: "en")
    answerLocale(locale: "en") answeredBy { name } } } }`;
  expect((await lectern.ok(READ, {}, { as: 'organiser' })).interview).toEqual({
    published: false,
    language: 'sv',
    publishedOn: '2027-01-15',
    sourceUrl: 'https://samtal.example.org/bo',
    session: { id: talk.id },
    title: 'Samtal med Bo Ek',
    english: 'A talk with Bo Ek',
    speakers: [{ name: 'Bo Ek' }],
    items: [
      {
        question: 'Vad händer nästa år?',
        answer: 'Fler lagar.',
        englishQuestion: 'Vad händer nästa år?',
        answerLocale: 'sv',
        answeredBy: { name: 'Bo Ek' },
      },
      { question: 'Vad driver dig?', answer: 'Kaffe.', englishQuestion: 'What drives you?', answerLocale: 'en', answeredBy: null },
    ],
  });

  // Reworded, the English of the second removed, moved first, and published.
  await page.getByLabel('Answer 2 (sv)').fill('Kaffe och nyfikenhet.');
  await page.getByLabel('Question 2 (en)').fill('');
  await page.getByLabel('Answer 2 (en)').fill('');
  await page.getByRole('button', { name: 'Move question 2 up' }).click();
  await page.getByRole('button', { name: 'Save' }).click();
  await page.getByRole('status').filter({ hasText: 'Saved.' }).waitFor();
  await page.getByRole('button', { name: 'Publish', exact: true }).click();
  await page.getByText('Published: the public sees this interview.').waitFor();
  expect((await lectern.ok(READ)).interview).toEqual({
    published: true,
    language: 'sv',
    publishedOn: '2027-01-15',
    sourceUrl: 'https://samtal.example.org/bo',
    session: { id: talk.id },
    title: 'Samtal med Bo Ek',
    english: 'A talk with Bo Ek',
    speakers: [{ name: 'Bo Ek' }],
    items: [
      {
        question: 'Vad driver dig?',
        answer: 'Kaffe och nyfikenhet.',
        englishQuestion: 'Vad driver dig?',
        answerLocale: 'sv',
        answeredBy: null,
      },
      {
        question: 'Vad händer nästa år?',
        answer: 'Fler lagar.',
        englishQuestion: 'Vad händer nästa år?',
        answerLocale: 'sv',
        answeredBy: { name: 'Bo Ek' },
      },
    ],
  });
  expect(await axeViolations(page)).toEqual([]);

  // Deleted, after a question.
  page.once('dialog', (question) => void question.accept());
  await page.getByRole('button', { name: 'Delete the interview' }).click();
  await page.getByRole('heading', { name: 'Interviews', level: 1 }).waitFor();
  expect(await slugs()).toEqual(before);
  expectOnlyCommittedOperations(session);
  await session.context.close();
});

it('asks a panel each their own questions, follows who has answered, and returns answers with a note the speaker reads', async () => {
  const { createQuestionnaire: panel } = await lectern.ok(
    `mutation ($input: CreateQuestionnaireInput!) { createQuestionnaire(input: $input) { id } }`,
    {
      input: {
        conferenceId: conference.id,
        locales: ['sv'],
        titlePattern: [{ locale: 'sv', text: 'Samtal med {name}' }],
        questions: [
          { key: 'anna', text: [{ locale: 'sv', text: 'Anna, vad driver dig?' }] },
          { key: 'bo', text: [{ locale: 'sv', text: 'Bo, vad driver dig?' }] },
          { key: 'both', text: [{ locale: 'sv', text: 'Vad händer nästa år?' }] },
        ],
      },
    },
    { as: 'organiser' },
  );
  const session = await openConsole(browser, lectern);
  const { page } = session;
  await signInWithToken(page, lectern.adminToken);
  await page.goto(`${lectern.url}/console/conferences/samtal-2027/interviews`);
  await page.getByRole('link', { name: 'Samtal med {name}' }).click();
  await page.getByRole('heading', { name: 'Questionnaire: Samtal med {name}' }).waitFor();

  const ask = async (name: string, leftOut: string) => {
    await page.getByLabel('Speaker to ask').selectOption({ label: name });
    await page.getByRole('group', { name: 'Questions this speaker answers' }).getByLabel(leftOut).uncheck();
    await page.getByRole('button', { name: 'Ask to answer' }).click();
    await page
      .getByRole('status')
      .filter({ hasText: `${name} was asked` })
      .waitFor();
  };
  await ask('Anna Berg', 'Bo, vad driver dig?');
  await ask('Bo Ek', 'Anna, vad driver dig?');
  expect(
    await page
      .getByRole('row', { name: /Anna Berg/ })
      .getByRole('cell')
      .allTextContents(),
  ).toEqual(['Anna Berg', 'Not answered yet', '1, 3', '', 'Change the questions of Anna Berg']);

  // Anna is left the first question only.
  await page.getByRole('button', { name: 'Change the questions of Anna Berg' }).click();
  const choice = page.getByRole('dialog', { name: 'The questions Anna Berg answers' });
  expect(await choice.getByLabel('Bo, vad driver dig?').isChecked()).toBe(false);
  await choice.getByLabel('Vad händer nästa år?').uncheck();
  await choice.getByRole('button', { name: 'Save' }).click();
  await page.getByRole('status').filter({ hasText: 'Anna Berg now answers the questions chosen.' }).waitFor();
  await page
    .getByRole('row', { name: /Anna Berg/ })
    .getByRole('cell', { name: '1', exact: true })
    .waitFor();

  // Reworded after the speakers were asked, with a due date in the conference's time zone: the keys stay.
  await page.getByLabel('Question 3 (sv)').fill('Vad händer år 2028?');
  await page.getByLabel('Answers due (times in Europe/Stockholm)').fill('2027-03-01T12:00');
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await page.getByRole('status').filter({ hasText: 'Saved.' }).waitFor();
  const reworded = await lectern.ok(
    `query ($id: ID!) { node(id: $id) { ... on Questionnaire { dueAt questions { key text } } } }`,
    { id: panel.id },
    { as: 'organiser' },
  );
  expect(reworded.node).toEqual({
    dueAt: '2027-03-01T11:00:00.000Z',
    questions: [
      { key: 'anna', text: 'Anna, vad driver dig?' },
      { key: 'bo', text: 'Bo, vad driver dig?' },
      { key: 'both', text: 'Vad händer år 2028?' },
    ],
  });

  const assignments = async () =>
    (
      await lectern.ok(
        `query ($id: ID!) { node(id: $id) { ... on Questionnaire { assignments { id status note speaker { name } questions { key } } } } }`,
        { id: panel.id },
        { as: 'organiser' },
      )
    ).node.assignments;
  const [forAnna, forBo] = await assignments();
  expect([forAnna, forBo].map((each) => [each.speaker.name, each.questions.map((question: { key: string }) => question.key)])).toEqual([
    ['Anna Berg', ['anna']],
    ['Bo Ek', ['bo', 'both']],
  ]);

  const bosSession = await signInSpeaker(lectern, rowId(bo.id));
  await lectern.ok(
    `mutation ($input: SubmitQuestionnaireAnswersInput!) { submitQuestionnaireAnswers(input: $input) { id } }`,
    {
      input: {
        id: forBo.id,
        answers: [
          { questionKey: 'bo', text: [{ locale: 'sv', text: 'Kaffe.' }] },
          { questionKey: 'both', text: [{ locale: 'sv', text: 'Fler lagar.' }] },
        ],
      },
    },
    { headers: bosSession.headers },
  );
  await page.getByRole('link', { name: 'All interviews' }).click();
  const row = page.getByRole('row', { name: /Samtal med Anna Berg, Bo Ek/ });
  await row.waitFor();
  expect(await row.getByRole('cell').allTextContents()).toEqual([
    'Samtal med Anna Berg, Bo Ek',
    'Anna Berg, Bo Ek',
    'Being answered',
    'Bo Ek (Answered, to review)',
    'Anna Berg',
  ]);

  // The organiser corrects an answer; it stays submitted.
  await row.getByRole('link').click();
  const bos = page.getByRole('region', { name: /Answers of Bo Ek/ });
  await bos.getByRole('button', { name: 'Correct the answers of Bo Ek' }).click();
  expect(await bos.getByLabel('Bo, vad driver dig? (sv)').inputValue()).toBe('Kaffe.');
  await bos.getByLabel('Bo, vad driver dig? (sv)').fill('Kaffe, mycket kaffe.');
  await bos.getByRole('button', { name: 'Save the answers of Bo Ek' }).click();
  await page.getByRole('status').filter({ hasText: 'The answers of Bo Ek are corrected.' }).waitFor();
  await bos.getByText('Kaffe, mycket kaffe.').waitFor();
  const corrected = await lectern.ok(
    `query ($id: ID!) { node(id: $id) { ... on QuestionnaireAssignment { status answers { questionKey texts { locale text } } } } }`,
    { id: forBo.id },
    { as: 'organiser' },
  );
  expect(corrected.node).toEqual({
    status: 'SUBMITTED',
    answers: [
      { questionKey: 'bo', texts: [{ locale: 'sv', text: 'Kaffe, mycket kaffe.' }] },
      { questionKey: 'both', texts: [{ locale: 'sv', text: 'Fler lagar.' }] },
    ],
  });

  // Returned without a note: the server's message at the note, and the answers stay submitted.
  await bos.getByRole('button', { name: 'Return the answers to Bo Ek' }).click();
  const noteProblem = bos.locator('.field-invalid', { has: page.getByLabel('What Bo Ek should change') }).locator('.problem');
  await noteProblem.waitFor();
  expect(await noteProblem.textContent()).toMatch(/required/);
  expect((await assignments())[1].status).toBe('SUBMITTED');
  expect(await axeViolations(page)).toEqual([]);

  await bos.getByLabel('What Bo Ek should change').fill('Kan du utveckla svaret om kaffe?');
  await bos.getByRole('button', { name: 'Return the answers to Bo Ek' }).click();
  await page.getByRole('row', { name: /Bo Ek/ }).getByText('Returned to the speaker').waitFor();
  await bos.getByText('Returned with the note: Kan du utveckla svaret om kaffe?').waitFor();
  const { viewer } = await lectern.ok(`{ viewer { questionnaires { id status note } } }`, {}, { headers: bosSession.headers });
  expect(viewer.questionnaires).toContainEqual({ id: forBo.id, status: 'RETURNED', note: 'Kan du utveckla svaret om kaffe?' });
  expect(await widerThanTheWindow(page)).toBe(false);
  await page.screenshot({ path: join(SCREENSHOTS, 'questionnaire.png'), fullPage: true });

  // The list: a published interview, and the panel with who has answered and who has not.
  await page.getByRole('link', { name: 'All interviews' }).click();
  await page
    .getByRole('row', { name: /Samtal med Anna Berg, Bo Ek/ })
    .getByText('Bo Ek (Returned to the speaker)')
    .waitFor();
  expect(await widerThanTheWindow(page)).toBe(false);
  expect(await axeViolations(page)).toEqual([]);
  await page.screenshot({ path: join(SCREENSHOTS, 'interviews.png') });
  await page.getByRole('link', { name: 'Samtal med Anna Berg, Bo Ek' }).click();
  await page.getByRole('heading', { name: 'Questionnaire: Samtal med Anna Berg, Bo Ek' }).waitFor();

  // In Swedish and Norwegian too.
  await page.locator('header.top select').selectOption('sv');
  await page.getByRole('heading', { name: 'Frågeformulär: Samtal med Anna Berg, Bo Ek' }).waitFor();
  await page.getByRole('button', { name: 'Be om svar' }).waitFor();
  await page.locator('header.top select').selectOption('nb');
  await page.getByRole('heading', { name: 'Spørreskjema: Samtal med Anna Berg, Bo Ek' }).waitFor();
  expect(await axeViolations(page)).toEqual([]);
  expectOnlyCommittedOperations(session);
  await session.context.close();
});
