import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { Browser } from 'playwright-core';
import { axeViolations, launchBrowser } from '../../tests/support/browser';
import { builtConsole, expectOnlyCommittedOperations, openConsole, signInWithToken } from '../../tests/support/console';
import { rowId } from '../../tests/support/ids';
import { Lectern, startLectern } from '../../tests/support/lectern';
import { ConferenceRef, programmeBuilder, SpeakerRef } from '../../tests/support/programme';
import { eventually, SmtpReceiver } from '../../tests/support/smtp-receiver';
import { signInSpeaker } from '../../tests/support/speakers';

/**
 * A conference's speakers from the console: found by name, their profile edited a language at a
 * time, invited by mail, their own proposed changes reviewed, and two records of one person merged.
 */

const SCREENSHOTS = join(__dirname, '..', '..', 'test-output', 'console');

const smtp = new SmtpReceiver();
let lectern: Lectern;
let browser: Browser;
let nordsamtal: ConferenceRef;
let karin: SpeakerRef;
let oslo: ConferenceRef;

const PROFILE = `query ($slug: String!) { speaker(slug: $slug) {
  id slug name email
  sv: bio(locale: "sv") svLocale: bioLocale(locale: "sv")
  nb: bio(locale: "nb") nbLocale: bioLocale(locale: "nb")
  en: bio(locale: "en") enLocale: bioLocale(locale: "en")
  appearances { title organisation session { title conference { slug } } }
} }`;
const profile = async (slug: string) => (await lectern.ok(PROFILE, { slug }, { as: 'organiser' })).speaker;

beforeAll(async () => {
  await smtp.start();
  lectern = await startLectern({ CONSOLE_DIR: builtConsole(), SMTP_URL: smtp.url, MAIL_FROM: 'Nordsamtal <program@nordsamtal.example>' });
  browser = await launchBrowser();
  mkdirSync(SCREENSHOTS, { recursive: true });
  const build = programmeBuilder(lectern);
  nordsamtal = await build.conference({
    slug: 'nordsamtal-2030',
    name: 'Nordsamtal 2030',
    timeZone: 'Europe/Stockholm',
    defaultLocale: 'sv',
    published: true,
  });
  karin = await build.speaker({
    conference: nordsamtal,
    slug: 'karin-lindqvist',
    name: 'Karin Lindqvist',
    bio: { sv: 'Karin leder digitaliseringen i kommunen.', nb: 'Karin leder digitaliseringen i kommunen, på norsk.' },
    email: 'karin@example.org',
  });
  const nils = await build.speaker({ conference: nordsamtal, slug: 'nils-ek', name: 'Nils Ek', bio: { sv: 'Nils.' } });
  const lina = await build.speaker({ conference: nordsamtal, slug: 'lina-lind', name: 'Lina Lind' });
  await build.session(nordsamtal, {
    title: 'Öppna data',
    startsAt: '2030-05-01T10:00:00+02:00',
    speakers: [{ speaker: karin, title: 'digitaliseringschef', organisation: 'Karlskrona kommun' }],
    published: true,
  });
  await build.session(nordsamtal, {
    title: 'Säkerhet',
    startsAt: '2030-05-01T13:00:00+02:00',
    speakers: [{ speaker: nils, organisation: 'MSB' }, { speaker: lina }],
    published: true,
  });
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await lectern?.close();
  await smtp.stop();
});

const signedIn = async (path: string) => {
  const session = await openConsole(browser, lectern);
  await signInWithToken(session.page, lectern.adminToken);
  await session.page.goto(`${lectern.url}${path}`);
  return session;
};

it('finds a speaker by part of the name, with their organisation and whether they are invited', async () => {
  const session = await signedIn('/console/conferences/nordsamtal-2030/speakers');
  const { page } = session;
  await page.getByRole('heading', { name: 'Speakers', level: 1 }).waitFor();
  expect(await page.getByRole('link', { name: 'Speakers' }).getAttribute('aria-current')).toBe('page');
  await page.getByRole('rowheader', { name: 'Nils Ek' }).waitFor();
  await page
    .getByRole('row', { name: /Karin Lindqvist/ })
    .getByText('Not invited')
    .waitFor();
  expect(await page.getByRole('row', { name: /Karin Lindqvist/ }).textContent()).toContain('Karlskrona kommun');

  await page.getByLabel('Find by name').fill('lindq');
  await page.getByRole('rowheader', { name: 'Nils Ek' }).waitFor({ state: 'detached' });
  await page.getByText('1 speaker', { exact: true }).waitFor();
  expect(await page.locator('tbody th[scope=row]').allTextContents()).toEqual(['Karin Lindqvist']);
  // "lind" starts a word of two names.
  await page.getByLabel('Find by name').fill('lind');
  await page.getByRole('rowheader', { name: 'Lina Lind' }).waitFor();
  expect(await page.locator('tbody th[scope=row]').allTextContents()).toEqual(['Karin Lindqvist', 'Lina Lind']);
  await page.getByLabel('Find by name').fill('');
  await page.getByRole('rowheader', { name: 'Nils Ek' }).waitFor();
  expect(await axeViolations(page)).toEqual([]);
  await page.screenshot({ path: join(SCREENSHOTS, 'speakers.png') });
  expectOnlyCommittedOperations(session);
  await session.context.close();
});

it('edits the bio in one language and keeps the others, marking the missing translation', async () => {
  const session = await signedIn('/console/conferences/nordsamtal-2030/speakers');
  const { page } = session;
  await page.getByRole('link', { name: 'Karin Lindqvist' }).click();
  await page.getByRole('heading', { name: 'Karin Lindqvist', level: 1 }).waitFor();
  expect(await page.getByLabel('Bio in Svenska').inputValue()).toBe('Karin leder digitaliseringen i kommunen.');
  expect(await page.getByLabel('Bio in Norsk bokmål').inputValue()).toBe('Karin leder digitaliseringen i kommunen, på norsk.');
  expect(await page.getByLabel('Bio in English').inputValue()).toBe('');
  expect(await page.locator('.speakers-missing').first().textContent()).toContain(
    'Missing translation No text in English: the public sees the Svenska one.',
  );
  expect(await page.getByLabel('E-mail (organisers only)').inputValue()).toBe('karin@example.org');
  expect(await page.getByLabel('Title at Öppna data').inputValue()).toBe('digitaliseringschef');

  await page.getByLabel('Bio in Svenska').fill('Karin leder **öppna data** i Karlskrona.');
  await page.getByRole('button', { name: 'Save the profile' }).click();
  await page.getByRole('status').getByText('Saved.').waitFor();
  expect(await profile('karin-lindqvist')).toMatchObject({
    sv: 'Karin leder **öppna data** i Karlskrona.',
    svLocale: 'sv',
    nb: 'Karin leder digitaliseringen i kommunen, på norsk.',
    nbLocale: 'nb',
    email: 'karin@example.org',
  });

  // The title she had at one session, saved on its own.
  await page.getByLabel('Organisation at Öppna data').fill('Karlskrona kommun, IT');
  await page.getByRole('button', { name: 'Save Öppna data' }).click();
  await page.getByRole('status').getByText('Saved the appearance at Öppna data.').waitFor();
  expect((await profile('karin-lindqvist')).appearances).toEqual([
    {
      title: 'digitaliseringschef',
      organisation: 'Karlskrona kommun, IT',
      session: { title: 'Öppna data', conference: { slug: 'nordsamtal-2030' } },
    },
  ]);

  // The server's own words where it refuses: an address name it does not take.
  await page.getByLabel('Address name', { exact: true }).fill('Karin Lindqvist');
  await page.getByRole('button', { name: 'Save the profile' }).click();
  const slugProblem = page.locator('.field-invalid', { has: page.getByLabel('Address name', { exact: true }) }).locator('.problem');
  await slugProblem.waitFor();
  expect(await slugProblem.textContent()).toMatch(/lower-case/i);
  expect((await profile('karin-lindqvist')).slug).toBe('karin-lindqvist');
  await page.getByLabel('Address name', { exact: true }).fill('karin-lindqvist');
  await page.getByRole('button', { name: 'Save the profile' }).click();
  await slugProblem.waitFor({ state: 'detached' });
  await page.getByRole('status').getByText('Saved.').waitFor();

  expect(await axeViolations(page)).toEqual([]);
  await page.screenshot({ path: join(SCREENSHOTS, 'speaker.png'), fullPage: true });
  expectOnlyCommittedOperations(session);
  await session.context.close();
});

it('invites a speaker by mail, in the language chosen for the e-mail', async () => {
  const session = await signedIn('/console/conferences/nordsamtal-2030/speakers/karin-lindqvist');
  const { page } = session;
  await page.getByRole('heading', { name: 'Invitation to speak' }).waitFor();
  await page.getByText('Not invited to this conference yet.').waitFor();
  await page.getByRole('button', { name: 'Invite to speak' }).click();
  const dialog = page.getByRole('dialog', { name: 'Invite to speak' });
  expect(await dialog.getByLabel('E-mail address').inputValue()).toBe('karin@example.org');
  // The conference's language is offered first.
  expect(await dialog.getByLabel('Language of the e-mail').inputValue()).toBe('sv');
  await dialog.getByLabel('Language of the e-mail').selectOption({ label: 'Norsk bokmål' });
  expect(await axeViolations(page)).toEqual([]);
  await dialog.getByRole('button', { name: 'Send the invitation' }).click();
  await page.getByRole('status').getByText('Invitation sent to karin@example.org.').waitFor();
  await page.getByText('Invited, no answer yet — sent to karin@example.org in Norsk bokmål.').waitFor();

  const [mail] = await eventually(() => smtp.to('karin@example.org').length > 0 && smtp.to('karin@example.org'), 'the invitation');
  expect(mail.parsed.subject).toBe('Invitasjon til å snakke på Nordsamtal 2030');
  expect(mail.parsed.text).toContain('/me/sign-in/');
  const { speakerInvitations } = await lectern.ok(
    `query ($id: ID!) { speakerInvitations(conferenceId: $id) { edges { node { status email locale speaker { slug } } } } }`,
    { id: nordsamtal.id },
    { as: 'organiser' },
  );
  expect(speakerInvitations.edges).toEqual([
    { node: { status: 'PENDING', email: 'karin@example.org', locale: 'nb', speaker: { slug: 'karin-lindqvist' } } },
  ]);

  // The list says so too; someone new is invited from there, by name.
  await page.getByRole('link', { name: 'All speakers' }).click();
  await page
    .getByRole('row', { name: /Karin Lindqvist/ })
    .getByText('Invited, no answer yet')
    .waitFor();
  await page.getByRole('button', { name: 'Invite someone new' }).click();
  const fresh = page.getByRole('dialog', { name: 'Invite someone new' });
  await fresh.getByLabel('Name').fill('Per Holm');
  await fresh.getByLabel('E-mail address').fill('per@example.org');
  await fresh.getByRole('button', { name: 'Send the invitation' }).click();
  await page.getByRole('status').getByText('Invitation sent to per@example.org.').waitFor();
  await page.getByRole('heading', { name: 'Invited, not in the programme yet' }).waitFor();
  expect(await page.getByRole('row', { name: /Per Holm/ }).textContent()).toContain('per@example.org');
  const [perMail] = await eventually(() => smtp.to('per@example.org').length > 0 && smtp.to('per@example.org'), 'the invitation');
  expect(perMail.parsed.subject).toBe('Inbjudan att tala på Nordsamtal 2030');
  expectOnlyCommittedOperations(session);
  await session.context.close();
});

it('shows what the speaker proposed next to what is published, and approving it publishes it', async () => {
  const speaker = await signInSpeaker(lectern, rowId(karin.id));
  await lectern.ok(
    `mutation ($input: ProposeProfileChangeInput!) { proposeProfileChange(input: $input) { id status } }`,
    {
      input: {
        bio: [
          { locale: 'sv', text: 'Karin leder öppna data och AI i Karlskrona.' },
          { locale: 'en', text: 'Karin leads open data and AI in Karlskrona.' },
        ],
      },
    },
    { headers: speaker.headers },
  );
  // Waiting for review, the public still sees the published bio.
  const publicBio = async () =>
    (await lectern.ok(`{ speaker(slug: "karin-lindqvist") { sv: bio(locale: "sv") enLocale: bioLocale(locale: "en") } }`)).speaker;
  expect(await publicBio()).toEqual({ sv: 'Karin leder **öppna data** i Karlskrona.', enLocale: 'sv' });

  const session = await signedIn('/console/conferences/nordsamtal-2030/speakers');
  const { page } = session;
  await page
    .getByRole('row', { name: /Karin Lindqvist/ })
    .getByRole('link', { name: '1 change to review' })
    .click();
  const change = page.getByRole('article', { name: /^Profile, proposed by Karin Lindqvist/ });
  await change.waitFor();
  const rows = await change.locator('tbody tr').evaluateAll((trs) => trs.map((tr) => Array.from(tr.children, (cell) => cell.textContent)));
  expect(rows).toEqual([
    ['Bio in Svenska', 'Karin leder **öppna data** i Karlskrona.', 'Karin leder öppna data och AI i Karlskrona.'],
    ['Bio in English', '(nothing)', 'Karin leads open data and AI in Karlskrona.'],
  ]);
  expect(await axeViolations(page)).toEqual([]);
  await change.getByLabel('Note to the speaker (optional)').fill('Tack, Karin!');
  await change.scrollIntoViewIfNeeded();
  await page.screenshot({ path: join(SCREENSHOTS, 'speaker-review.png') });
  await change.getByRole('button', { name: 'Approve and publish' }).click();
  await page.getByRole('status').getByText('Approved: the change is published.').waitFor();
  await page.getByText('Nothing to review').waitFor();
  // The editor shows the published texts.
  await eventually(
    async () => (await page.getByLabel('Bio in English').inputValue()) === 'Karin leads open data and AI in Karlskrona.',
    'the published bio in the editor',
  );

  expect(await profile('karin-lindqvist')).toMatchObject({
    sv: 'Karin leder öppna data och AI i Karlskrona.',
    en: 'Karin leads open data and AI in Karlskrona.',
    enLocale: 'en',
    nb: 'Karin leder digitaliseringen i kommunen, på norsk.',
  });
  const { viewer } = await lectern.ok(`{ viewer { profileChanges { status note } } }`, {}, { headers: speaker.headers });
  expect(viewer.profileChanges).toEqual([{ status: 'APPROVED', note: 'Tack, Karin!' }]);
  expectOnlyCommittedOperations(session);
  await session.context.close();
});

it('merges a duplicate found by name: its appearances move here and its address redirects', async () => {
  const build = programmeBuilder(lectern);
  oslo = await build.conference({ slug: 'teknologi-2030', name: 'Teknologi og politikk', defaultLocale: 'nb', published: true });
  const duplicate = await build.speaker({
    conference: oslo,
    slug: 'karin-lindqvist-2',
    name: 'K. Lindqvist',
    otherSlugs: ['k-lindqvist'],
    bio: { nb: 'Karin jobber med åpne data.' },
  });
  await build.session(oslo, {
    title: 'Åpne data i Norden',
    speakers: [{ speaker: duplicate, title: 'rådgiver', organisation: 'Karlskrona kommun' }],
    published: true,
  });
  expect((await fetch(`${lectern.url}/speakers/karin-lindqvist-2`, { redirect: 'manual' })).status).toBe(200);

  const session = await signedIn('/console/conferences/nordsamtal-2030/speakers/karin-lindqvist');
  const { page } = session;
  await page.getByRole('heading', { name: 'Merge a duplicate' }).waitFor();
  await page.getByLabel('Find the other record by name').fill('Lindqvist');
  // Karin herself is not offered.
  await page.getByRole('button', { name: 'Merge K. Lindqvist into this record' }).waitFor();
  expect(await page.locator('.speakers-merge-results li').count()).toBe(1);
  expect(await page.locator('.speakers-merge-results li').textContent()).toContain('1 appearance · Teknologi og politikk');
  await page.getByRole('button', { name: 'Merge K. Lindqvist into this record' }).click();

  const dialog = page.getByRole('dialog', { name: 'Merge K. Lindqvist into Karin Lindqvist?' });
  await dialog.waitFor();
  const said = await dialog.textContent();
  expect(said).toContain('What moves to Karin Lindqvist');
  expect(said).toContain('Åpne data i Norden (Teknologi og politikk)');
  expect(said).toContain(`redirect (301) to ${lectern.url}/speakers/karin-lindqvist:`);
  expect(said).toContain(`${lectern.url}/speakers/karin-lindqvist-2`);
  expect(said).toContain(`${lectern.url}/speakers/k-lindqvist`);
  expect(await axeViolations(page)).toEqual([]);
  await page.screenshot({ path: join(SCREENSHOTS, 'speaker-merge.png') });

  // Cancelling merges nothing.
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  expect((await lectern.ok(`{ speaker(slug: "karin-lindqvist-2") { slug } }`, {}, { as: 'organiser' })).speaker.slug).toBe(
    'karin-lindqvist-2',
  );
  await page.getByRole('button', { name: 'Merge K. Lindqvist into this record' }).click();
  await dialog.getByRole('button', { name: 'Merge', exact: true }).click();
  await page.getByRole('status').getByText('Merged: K. Lindqvist is now part of Karin Lindqvist.').waitFor();
  await page.getByRole('link', { name: 'Åpne data i Norden' }).waitFor();

  const kept = await profile('karin-lindqvist');
  expect(kept.appearances.map((appearance: { session: { title: string } }) => appearance.session.title).sort()).toEqual([
    'Åpne data i Norden',
    'Öppna data',
  ]);
  expect(kept.nb).toBe('Karin leder digitaliseringen i kommunen, på norsk.');
  for (const slug of ['karin-lindqvist-2', 'k-lindqvist']) {
    const response = await fetch(`${lectern.url}/speakers/${slug}`, { redirect: 'manual' });
    expect([slug, response.status]).toEqual([slug, 301]);
    expect(new URL(response.headers.get('location')!, lectern.url).pathname).toBe('/speakers/karin-lindqvist');
  }
  expectOnlyCommittedOperations(session);
  await session.context.close();
});

it('shows the server’s refusal when the profile is another conference’s, and changes nothing', async () => {
  const build = programmeBuilder(lectern);
  const bergen = await build.conference({ slug: 'bergen-2030', name: 'Bergen 2030', defaultLocale: 'nb', published: true });
  const ola = await build.speaker({ conference: bergen, slug: 'ola-nordmann', name: 'Ola Nordmann', bio: { nb: 'Ola.' } });
  await build.session(nordsamtal, { title: 'Nordiskt samarbete', speakers: [{ speaker: ola }], published: true });
  const organiser = await lectern.organiserToken([nordsamtal.id], 'Eva Organiser');

  const session = await openConsole(browser, lectern);
  const { page } = session;
  await signInWithToken(page, organiser);
  await page.goto(`${lectern.url}/console/conferences/nordsamtal-2030/speakers/ola-nordmann`);
  await page.getByRole('heading', { name: 'Ola Nordmann', level: 1 }).waitFor();
  // Only their own conferences are offered as the owner.
  await page.getByLabel('Owned by').locator('option', { hasText: 'Nordsamtal 2030' }).waitFor({ state: 'attached' });
  expect(await page.getByLabel('Owned by').locator('option').allTextContents()).toEqual(['As it is now', 'Nordsamtal 2030']);
  await page.getByLabel('Bio in Svenska').fill('Ola arbetar med nordiskt samarbete.');
  await page.getByRole('button', { name: 'Save the profile' }).click();
  await page
    .getByRole('alert')
    .getByText("Only the organisers of the conference that owns this speaker's profile may change it.")
    .waitFor();
  expect(await profile('ola-nordmann')).toMatchObject({ sv: 'Ola.', svLocale: 'nb' });
  expect(await axeViolations(page)).toEqual([]);
  expectOnlyCommittedOperations(session);
  await session.context.close();
});
