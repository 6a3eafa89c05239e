import { mkdirSync } from 'node:fs';
import { AddressInfo, createServer } from 'node:net';
import { join } from 'node:path';
import exifr from 'exifr';
import yaml from 'js-yaml';
import { Browser } from 'playwright-core';
import sharp from 'sharp';
import { DemoLoader } from '../../src/demo/demo-loader.service';
import { axeViolations, launchBrowser } from '../support/browser';
import { attr, byTag, parseHtml, text } from '../support/html';
import { Lectern, startLectern } from '../support/lectern';
import { eventually, SmtpReceiver } from '../support/smtp-receiver';

/**
 * The speaker's page end to end, in a real browser, on the demo programme: an organiser invites a
 * new speaker to Teknologi og politikk 2020; the mail arrives at a real SMTP server; the speaker
 * follows its link, accepts, writes a bio in two languages, uploads a photo, answers a
 * questionnaire and submits; the organiser approves and publishes; the public site, the JSON API
 * and the Markdown export show the new bio, photo and interview.
 */

const SCREENSHOTS = join(__dirname, '..', '..', 'test-output', 'speakers');
const CONFERENCE = 'teknologi-og-politikk-2020';
const BIO_NB = 'Ingrid forsker på **personvern** og offentlige data ved Universitetet i Oslo.';
const BIO_EN = 'Ingrid researches **privacy** and public data at the University of Oslo.';
const ANSWERS = ['Forsker på personvern.', 'Fordi data om oss alle bør styres åpent.', 'At personvern er et designvalg.'];

const GRAPHQL_SETUP = `query ($slug: String!) { conference(slug: $slug) { id sessions(first: 1) { edges { node { id } } } } }`;
const INVITE = `mutation ($input: InviteSpeakerInput!) { inviteSpeaker(input: $input) { id speaker { id slug } } }`;
const ADD = `mutation ($input: AddAppearanceInput!) { addAppearance(input: $input) { id } }`;
const CREATE_QUESTIONNAIRE = `mutation ($input: CreateQuestionnaireInput!) { createQuestionnaire(input: $input) { id } }`;
const ASSIGN = `mutation ($input: AssignQuestionnaireInput!) { assignQuestionnaire(input: $input) { id } }`;

let lectern: Lectern;
let browser: Browser;
const smtp = new SmtpReceiver();

beforeAll(async () => {
  await smtp.start();
  // Its own address as the public one, so that links in mails and Lectern's photo addresses lead to it.
  const port = await freePort();
  lectern = await startLectern({ SMTP_URL: smtp.url, PORT: String(port), PUBLIC_BASE_URL: `http://127.0.0.1:${port}` });
  await lectern.app.get(DemoLoader).load();
  browser = await launchBrowser();
  mkdirSync(SCREENSHOTS, { recursive: true });
});

afterAll(async () => {
  await browser?.close();
  await lectern?.close();
  await smtp.stop();
});

it('takes a new speaker from the invitation to a published profile and interview', async () => {
  const organiser = { as: 'organiser' as const };
  const { conference } = await lectern.ok(GRAPHQL_SETUP, { slug: CONFERENCE }, organiser);
  const panel = conference.sessions.edges[0].node.id;
  const { inviteSpeaker } = await lectern.ok(
    INVITE,
    { input: { conferenceId: conference.id, name: 'Ingrid Solberg', email: 'ingrid@example.org' } },
    organiser,
  );
  const speaker = inviteSpeaker.speaker;
  await lectern.ok(
    ADD,
    { input: { sessionId: panel, speakerId: speaker.id, title: 'forsker', organisation: 'Universitetet i Oslo' } },
    organiser,
  );
  const { createQuestionnaire } = await lectern.ok(
    CREATE_QUESTIONNAIRE,
    {
      input: {
        conferenceId: conference.id,
        titlePattern: [{ locale: 'nb', text: 'Tre spørsmål til {name}' }],
        lead: [{ locale: 'nb', text: 'Før konferansen spurte vi paneldeltakerne.' }],
        questions: ['Hvem er du?', 'Hvorfor dette temaet?', 'Hva bør publikum ta med seg?'].map((question, i) => ({
          key: `q${i + 1}`,
          text: [{ locale: 'nb', text: question }],
        })),
      },
    },
    organiser,
  );
  await lectern.ok(ASSIGN, { input: { questionnaireId: createQuestionnaire.id, speakerId: speaker.id } }, organiser);

  // The invitation, in the conference's language (Norwegian), as the SMTP server received it.
  const invitation = await eventually(
    () => smtp.to('ingrid@example.org').find((mail) => /Invitasjon/.test(mail.parsed.subject ?? '')),
    'the invitation',
  );
  expect(invitation.parsed.subject).toBe('Invitasjon til å snakke på Teknologi og politikk 2020');
  const link = /https?:\/\/\S+\/me\/sign-in\/[\w-]+/.exec(invitation.parsed.text!)![0];
  expect(link.startsWith(`${lectern.url}/me/sign-in/`)).toBe(true);

  const context = await browser.newContext({ locale: 'nb-NO' });
  const page = await context.newPage();
  const accessibility: string[] = [];
  const check = async (name: string) => {
    await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage: true });
    accessibility.push(...(await axeViolations(page)).map((violation) => `${name}: ${violation}`));
  };
  try {
    // Sign in with the link, and accept.
    await page.goto(link);
    await check('sign-in');
    await Promise.all([page.waitForURL(/\/me\/invitations/), page.locator('main form button[type=submit]').click()]);
    await check('invitations');
    await Promise.all([page.waitForURL(/\/me\/invitations/), page.locator('form[action*="/accept"] button').click()]);
    expect(await page.locator('[data-status]').getAttribute('data-status')).toBe('ACCEPTED');

    // The bio in two languages, previewed as the public will see it, then saved for review.
    await page.goto(`${lectern.url}/me`);
    await page.fill('textarea[name="bio.nb"]', BIO_NB);
    await page.fill('textarea[name="bio.en"]', BIO_EN);
    await Promise.all([page.waitForURL(/\/me\/profile/), page.locator('button[name=action][value=preview]').click()]);
    expect(await page.locator('.portal-preview strong', { hasText: 'personvern' }).count()).toBe(1);
    expect(await page.locator('.portal-preview strong', { hasText: 'privacy' }).count()).toBe(1);
    await check('profile-preview');
    await Promise.all([page.waitForURL((url) => url.pathname === '/me'), page.locator('button[name=action][value=save]').click()]);

    // A photo straight from a camera: large, with EXIF and GPS.
    await page.setInputFiles('input[name=photo]', { name: 'ingrid.jpg', mimeType: 'image/jpeg', buffer: await cameraPhoto() });
    await page.fill('input[name=alt]', 'Ingrid Solberg foran et bokhylle');
    await Promise.all([
      page.waitForURL((url) => url.pathname === '/me' && url.search !== ''),
      page.locator('form[enctype="multipart/form-data"] button[type=submit]').click(),
    ]);
    await check('profile');

    // The questionnaire: answered and submitted.
    await page.goto(`${lectern.url}/me/questionnaires`);
    await check('questionnaires');
    await Promise.all([page.waitForURL(/\/me\/questionnaires\/\d+/), page.locator('main a[href*="/me/questionnaires/"]').first().click()]);
    const fields = page.locator('textarea[lang=nb]');
    expect(await fields.count()).toBe(3);
    for (const [i, answer] of ANSWERS.entries()) await fields.nth(i).fill(answer);
    await check('questionnaire');
    await Promise.all([page.waitForURL(/submitted/), page.locator('button[name=action][value=submit]').click()]);
    await check('questionnaire-submitted');
  } finally {
    await context.close();
  }
  expect(accessibility).toEqual([]);

  // Nothing is public before the organisers approve.
  const before = await (await fetch(`${lectern.url}/api/speakers/${speaker.slug}`)).json();
  expect(JSON.stringify(before)).not.toContain('personvern');

  // The organiser sees the changes as a diff, approves them, approves the answers and publishes.
  const { profileChanges } = await lectern.ok(
    `query ($id: ID!) { profileChanges(conferenceId: $id, status: PENDING) { edges { node { id fields { field locale after } } } } }`,
    { id: conference.id },
    organiser,
  );
  const fieldsChanged = profileChanges.edges.flatMap((edge: any) =>
    edge.node.fields.map((f: any) => `${f.field}${f.locale ? `.${f.locale}` : ''}`),
  );
  expect(fieldsChanged).toEqual(expect.arrayContaining(['bio.nb', 'bio.en']));
  for (const edge of profileChanges.edges) {
    await lectern.ok(
      `mutation ($input: ApproveProfileChangeInput!) { approveProfileChange(input: $input) { status } }`,
      { input: { id: edge.node.id } },
      organiser,
    );
  }
  const { questionnaires } = await lectern.ok(
    `query ($id: ID!) { questionnaires(conferenceId: $id, first: 10) { edges { node { id assignments { id status } } } } }`,
    { id: conference.id },
    organiser,
  );
  const assignment = questionnaires.edges[0].node.assignments[0];
  expect(assignment.status).toBe('SUBMITTED');
  await lectern.ok(
    `mutation ($input: ApproveQuestionnaireAnswersInput!) { approveQuestionnaireAnswers(input: $input) { status } }`,
    { input: { id: assignment.id } },
    organiser,
  );
  const { publishQuestionnaire } = await lectern.ok(
    `mutation ($input: PublishQuestionnaireInput!) { publishQuestionnaire(input: $input) { interview { slug } } }`,
    { input: { id: createQuestionnaire.id } },
    organiser,
  );
  const interviewSlug = publishQuestionnaire.interview.slug;

  // The JSON API: the new bio in both languages, and Lectern's copy of the photo.
  const api = await (await fetch(`${lectern.url}/api/speakers/${speaker.slug}?locale=en`)).json();
  expect(JSON.stringify(api)).toContain('privacy');
  const photoUrl: string = api.photo?.url;
  expect(photoUrl).toMatch(/\/photos\//);
  expect(api.photo).toMatchObject({ width: 512, height: 512, alt: 'Ingrid Solberg foran et bokhylle' });
  expect(photoUrl.startsWith(`${lectern.url}/photos/`)).toBe(true);
  const photo = Buffer.from(await (await fetch(photoUrl)).arrayBuffer());
  const metadata = await sharp(photo).metadata();
  expect(Math.max(metadata.width!, metadata.height!)).toBeLessThanOrEqual(512);
  expect(metadata.exif).toBeUndefined();
  expect(await exifr.parse(photo, { gps: true })).toBeUndefined();
  const nb = await (await fetch(`${lectern.url}/api/speakers/${speaker.slug}?locale=nb`)).json();
  expect(JSON.stringify(nb)).toContain('personvern');

  // The public site: bio and photo on the speaker's page.
  const publicPage = await browser.newPage({ locale: 'nb-NO' });
  try {
    await publicPage.goto(`${lectern.url}/speakers/${speaker.slug}`);
    expect(await publicPage.locator('main').innerText()).toContain('Ingrid forsker på personvern');
    const image = publicPage.locator(`main img[src*="/photos/"]`);
    expect(await image.count()).toBeGreaterThan(0);
    expect(await image.first().getAttribute('alt')).toBe('Ingrid Solberg foran et bokhylle');
    // Loaded, not a broken image: the browser decoded it at its own size.
    expect(await image.first().evaluate((img: any) => img.complete && img.naturalWidth)).toBe(512);
    await publicPage.screenshot({ path: join(SCREENSHOTS, 'public-speaker.png'), fullPage: true });
    await publicPage.goto(`${lectern.url}/interviews/${interviewSlug}`);
    expect(await publicPage.locator('main').innerText()).toContain(ANSWERS[1]);
    await publicPage.screenshot({ path: join(SCREENSHOTS, 'public-interview.png'), fullPage: true });
  } finally {
    await publicPage.close();
  }

  // The Markdown export: front matter and every answer.
  const markdown = await (await fetch(`${lectern.url}/api/interviews/${interviewSlug}.md`)).text();
  const [, frontMatter, body] = /^---\n([\s\S]*?)\n---\n([\s\S]*)$/.exec(markdown)!;
  const meta = yaml.load(frontMatter) as Record<string, unknown>;
  expect(meta.title).toBe('Tre spørsmål til Ingrid Solberg');
  expect(JSON.stringify(meta.speakers)).toContain('Ingrid Solberg');
  for (const answer of ANSWERS) expect(body).toContain(answer);

  // The public speaker page's markup has the photo's size for layout.
  const html = parseHtml(await (await fetch(`${lectern.url}/speakers/${speaker.slug}`)).text());
  const img = byTag(html, 'img').find((node) => (attr(node, 'src') ?? '').includes('/photos/'))!;
  expect(Number(attr(img, 'width'))).toBeGreaterThan(0);
  expect(text(html)).toContain('Ingrid Solberg');
});

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      server.close(() => resolve(port));
    });
    server.on('error', reject);
  });
}

/** A 2400×1800 JPEG such as a phone takes: camera EXIF and a GPS position. */
async function cameraPhoto(): Promise<Buffer> {
  return sharp({ create: { width: 2400, height: 1800, channels: 3, background: { r: 180, g: 120, b: 90 } } })
    .composite([
      { input: Buffer.from('<svg width="800" height="800"><circle cx="400" cy="400" r="350" fill="#334"/></svg>'), top: 500, left: 800 },
    ])
    .withExif({
      IFD0: { Make: 'Lectern Camera', Model: 'Test' },
      IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '59/1 54/1 0/1', GPSLongitudeRef: 'E', GPSLongitude: '10/1 45/1 0/1' },
    })
    .jpeg()
    .toBuffer();
}
