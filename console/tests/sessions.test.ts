import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { Browser } from 'playwright-core';
import { axeViolations, launchBrowser } from '../../tests/support/browser';
import { builtConsole, expectOnlyCommittedOperations, openConsole, signInWithToken } from '../../tests/support/console';
import { Lectern, startLectern } from '../../tests/support/lectern';

/**
 * A conference's sessions from the console: the list, the editor with a column per language (a
 * missing translation marked), the abstract as the server renders it, times in the conference's
 * zone, the line-up, and publishing, cancelling and deleting, each asked first.
 */

const SCREENSHOTS = join(__dirname, '..', '..', 'test-output', 'console');
const SLUG = 'vaarkonf-2027';
const BASE = `/console/conferences/${SLUG}/sessions`;

let lectern: Lectern;
let browser: Browser;
let conferenceId: string;
let roomId: string;

beforeAll(async () => {
  lectern = await startLectern({ CONSOLE_DIR: builtConsole() });
  browser = await launchBrowser();
  mkdirSync(SCREENSHOTS, { recursive: true });
  const { createConference } = await lectern.ok(
    `mutation { createConference(input: { slug: "${SLUG}", name: "Vårkonf 2027", startDate: "2027-03-10",
      endDate: "2027-03-11", timeZone: "Europe/Stockholm", defaultLocale: "sv", locales: ["sv", "en", "nb"] }) { id } }`,
    {},
    { as: 'organiser' },
  );
  conferenceId = createConference.id;
  const { createRoom } = await lectern.ok(
    `mutation($id: ID!) { createRoom(input: { conferenceId: $id, name: "Aulan", slug: "aulan" }) { id } }`,
    { id: conferenceId },
    { as: 'organiser' },
  );
  roomId = createRoom.id;
  await lectern.ok(
    `mutation($id: ID!) { createTrack(input: { conferenceId: $id, name: "Öppna data", slug: "oppna-data" }) { id } }`,
    { id: conferenceId },
    { as: 'organiser' },
  );
  for (const [name, slug] of [
    ['Ingrid Solberg', 'ingrid-solberg'],
    ['Ola Nordmann', 'ola-nordmann'],
  ]) {
    await lectern.ok(
      `mutation($id: ID!, $name: String!, $slug: String!) { createSpeaker(input: { conferenceId: $id, name: $name, slug: $slug }) { id } }`,
      { id: conferenceId, name, slug },
      { as: 'organiser' },
    );
  }
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await lectern?.close();
});

/** A session made through the API, 10:00–11:00 in Stockholm on the first day. */
async function sessionMade(title: string): Promise<string> {
  const { createSession } = await lectern.ok(
    `mutation($input: CreateSessionInput!) { createSession(input: $input) { id } }`,
    {
      input: {
        conferenceId,
        title: [{ locale: 'sv', text: title }],
        format: 'TALK',
        language: 'sv',
        startsAt: '2027-03-10T10:00:00+01:00',
        endsAt: '2027-03-10T11:00:00+01:00',
        roomId,
      },
    },
    { as: 'organiser' },
  );
  return createSession.id;
}

const sessionOf = async (id: string) =>
  (
    await lectern.ok(
      `query($id: ID!) { session(id: $id) {
        en: title(locale: "en") enLocale: titleLocale(locale: "en")
        sv: title(locale: "sv") svLocale: titleLocale(locale: "sv")
        nbLocale: titleLocale(locale: "nb")
        abstract(locale: "en") startsAt endsAt status published
        appearances { position role title organisation speaker { name } } } }`,
      { id },
      { as: 'organiser' },
    )
  ).session;

async function signedIn(path: string) {
  const session = await openConsole(browser, lectern);
  await signInWithToken(session.page, lectern.adminToken);
  await session.page.goto(lectern.url + path);
  return session;
}

it('creates a session in English and Swedish, marks the missing Norwegian, shows the server’s HTML, and keeps English when only Swedish is edited', async () => {
  const session = await signedIn(BASE);
  const { page } = session;
  await page.getByRole('heading', { name: 'Sessions', level: 1 }).waitFor();
  expect(await page.getByRole('link', { name: 'Sessions', exact: true }).getAttribute('aria-current')).toBe('page');
  await page.getByRole('link', { name: 'New session' }).click();
  await page.getByRole('heading', { name: 'New session', level: 1 }).waitFor();

  await page.getByLabel('Title (English)', { exact: true }).fill('Open data in the municipalities');
  await page.getByLabel('Title (Svenska)', { exact: true }).fill('Öppna data i kommunerna');
  await page.getByLabel('Abstract in Markdown (English)', { exact: true }).fill('A **bold** plan for _every_ town.');
  await page.getByLabel('Starts (Europe/Stockholm)').fill('2027-03-10T10:00');
  await page.getByLabel('Ends (Europe/Stockholm)').fill('2027-03-10T11:30');
  await page.getByLabel('Room', { exact: true }).selectOption({ label: 'Aulan' });
  await page.getByLabel('Track', { exact: true }).selectOption({ label: 'Öppna data' });
  await page.getByRole('button', { name: 'Create session' }).click();

  // The conference's default language, Swedish, names the page.
  await page.getByRole('heading', { name: 'Öppna data i kommunerna', level: 1 }).waitFor();
  const id = decodeURIComponent(new URL(page.url()).pathname.split('/').pop()!);
  const created = await sessionOf(id);
  // 10:00 in Stockholm in March is 09:00 UTC, whatever zone the browser is in.
  expect(created).toMatchObject({
    en: 'Open data in the municipalities',
    enLocale: 'en',
    sv: 'Öppna data i kommunerna',
    svLocale: 'sv',
    startsAt: '2027-03-10T09:00:00.000Z',
    endsAt: '2027-03-10T10:30:00.000Z',
    status: 'CONFIRMED',
    published: false,
  });
  expect(created.nbLocale).not.toBe('nb');

  // Norwegian has no title: marked in words, and its field says what the public sees instead.
  const norwegian = page.getByRole('region', { name: 'Norsk bokmål', exact: true });
  expect(await norwegian.getByRole('heading').textContent()).toContain('Missing translation');
  expect(await page.getByLabel('Title (Norsk bokmål)', { exact: true }).inputValue()).toBe('');
  // A reader asking for Norwegian gets the conference's default language, Swedish.
  expect(await norwegian.textContent()).toContain('Not translated: the public sees the Swedish title instead.');
  const swedish = page.getByRole('region', { name: 'Svenska', exact: true });
  expect(await swedish.getByRole('heading').textContent()).not.toContain('Missing translation');
  expect(await swedish.textContent()).toContain('No abstract in this language: the public sees the English one.');
  expect(await page.getByLabel('Abstract in Markdown (Svenska)', { exact: true }).inputValue()).toBe('');
  const english = page.getByRole('region', { name: 'English', exact: true });
  expect(await english.getByRole('heading').textContent()).not.toContain('Missing translation');

  // The preview is the server's rendering of the saved Markdown.
  const preview = page.getByRole('region', { name: 'Preview (English), as the public sees it' });
  expect(await preview.locator('.rendered').innerHTML()).toContain('<strong>bold</strong>');
  expect(await preview.locator('.rendered em').textContent()).toBe('every');
  expect(await axeViolations(page)).toEqual([]);

  // Only the Swedish title changes; the server keeps the English one.
  await page.getByLabel('Title (Svenska)', { exact: true }).fill('Öppna data i alla kommuner');
  await page.getByLabel('Abstract in Markdown (English)', { exact: true }).fill('A **bold** plan for _every_ town, and `code`.');
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await page.getByRole('status').filter({ hasText: 'Saved.' }).waitFor();
  expect(await sessionOf(id)).toMatchObject({
    en: 'Open data in the municipalities',
    enLocale: 'en',
    sv: 'Öppna data i alla kommuner',
    svLocale: 'sv',
    abstract: 'A **bold** plan for _every_ town, and `code`.',
  });
  await preview.locator('.rendered code').waitFor();
  expect(await preview.locator('.rendered').innerHTML()).toContain('<code>code</code>');
  const sent = session.documents.filter((document) => document.includes('mutation UpdateSession'));
  expect(sent).toHaveLength(1);
  expectOnlyCommittedOperations(session);
  await session.context.close();
});

it('shows the server’s message at the field for an end before the start, and changes nothing', async () => {
  const id = await sessionMade('Tidsfel');
  const before = await sessionOf(id);
  const session = await signedIn(`${BASE}/${encodeURIComponent(id)}`);
  const { page } = session;
  await page.getByRole('heading', { name: 'Tidsfel', level: 1 }).waitFor();
  expect(await page.getByLabel('Starts (Europe/Stockholm)').inputValue()).toBe('2027-03-10T10:00');
  await page.getByLabel('Ends (Europe/Stockholm)').fill('2027-03-10T09:30');
  await page.getByLabel('Title (Svenska)', { exact: true }).fill('Tidsfel, omdöpt');
  await page.getByRole('button', { name: 'Save', exact: true }).click();

  const problem = page.locator('.field-invalid', { has: page.getByLabel('Ends (Europe/Stockholm)') }).locator('.problem');
  await problem.waitFor();
  expect(await problem.textContent()).toMatch(/must be after startsAt/);
  expect(await page.getByLabel('Ends (Europe/Stockholm)').getAttribute('aria-invalid')).toBe('true');
  expect(await axeViolations(page)).toEqual([]);
  expect(await sessionOf(id)).toEqual(before);
  expectOnlyCommittedOperations(session);
  await session.context.close();
});

it('adds two speakers, reorders them and sets a title at the session', async () => {
  const id = await sessionMade('Panel om öppna data');
  const session = await signedIn(`${BASE}/${encodeURIComponent(id)}`);
  const { page } = session;
  await page.getByRole('heading', { name: 'Panel om öppna data', level: 1 }).waitFor();
  await page.getByText('Nobody is in the line-up yet.').waitFor();
  // A talk without a speaker is a problem the server finds; adding one takes it away.
  const conflicts = page.getByRole('region', { name: 'Problems in the programme' });
  await conflicts.getByText(/Error:.*speaker/i).waitFor();

  await page.getByLabel('Find a speaker by name').fill('Ingrid');
  await page.getByRole('button', { name: 'Search', exact: true }).click();
  await page.getByRole('button', { name: 'Add Ingrid Solberg' }).click();
  await page.getByRole('row', { name: /Ingrid Solberg/ }).waitFor();
  await conflicts.getByText(/Error:.*speaker/i).waitFor({ state: 'detached' });

  await page.getByLabel('Find a speaker by name').fill('Ola');
  await page.getByLabel('Their role').selectOption({ label: 'Moderator' });
  await page.getByLabel('Organisation at this session (optional)').fill('Nordkommune');
  await page.getByRole('button', { name: 'Search', exact: true }).click();
  await page.getByRole('button', { name: 'Add Ola Nordmann' }).click();
  await page.getByRole('row', { name: /Ola Nordmann/ }).waitFor();
  expect((await sessionOf(id)).appearances).toEqual([
    { position: 0, role: 'SPEAKER', title: null, organisation: null, speaker: { name: 'Ingrid Solberg' } },
    { position: 1, role: 'MODERATOR', title: null, organisation: 'Nordkommune', speaker: { name: 'Ola Nordmann' } },
  ]);

  await page.getByRole('button', { name: 'Move Ola Nordmann up' }).click();
  await page.locator('.line-up tbody tr').first().filter({ hasText: 'Ola Nordmann' }).waitFor();
  // At the top, focus moves from the now disabled "up" to "down", not lost.
  await page.getByRole('button', { name: 'Move Ola Nordmann down' }).and(page.locator(':focus')).waitFor();
  await page.getByLabel('Title of Ingrid Solberg at this session').fill('kommundirektör');
  await page.getByLabel('Organisation of Ingrid Solberg at this session').fill('Karlskrona kommun');
  await page.getByRole('button', { name: 'Save Ingrid Solberg' }).click();
  await page.locator('.line-up').getByRole('status').filter({ hasText: 'Saved.' }).waitFor();
  expect((await sessionOf(id)).appearances).toEqual([
    { position: 0, role: 'MODERATOR', title: null, organisation: 'Nordkommune', speaker: { name: 'Ola Nordmann' } },
    { position: 1, role: 'SPEAKER', title: 'kommundirektör', organisation: 'Karlskrona kommun', speaker: { name: 'Ingrid Solberg' } },
  ]);
  expect(await page.getByLabel('Title of Ingrid Solberg at this session').inputValue()).toBe('kommundirektör');

  // Ingrid is in the line-up already, so a new search does not offer her again.
  await page.getByLabel('Find a speaker by name').fill('Solberg');
  await page.getByRole('button', { name: 'Search', exact: true }).click();
  await page.getByText('Ingrid Solberg (already in the line-up)').waitFor();
  expect(await axeViolations(page)).toEqual([]);
  await page.getByRole('heading', { name: 'Panel om öppna data', level: 1 }).scrollIntoViewIfNeeded();
  await page.screenshot({ path: join(SCREENSHOTS, 'session.png'), fullPage: true });

  await page.getByRole('button', { name: 'Remove Ola Nordmann' }).click();
  await page.getByRole('row', { name: /Ola Nordmann/ }).waitFor({ state: 'detached' });
  await page.getByRole('heading', { name: 'Line-up' }).and(page.locator(':focus')).waitFor();
  expect((await sessionOf(id)).appearances).toEqual([expect.objectContaining({ position: 0, speaker: { name: 'Ingrid Solberg' } })]);
  expectOnlyCommittedOperations(session);
  await session.context.close();
});

it('publishes, cancels and deletes a session, each after saying what calendars will show', async () => {
  const id = await sessionMade('Pass som ställs in');
  const session = await signedIn(`${BASE}/${encodeURIComponent(id)}`);
  const { page } = session;
  await page.getByRole('heading', { name: 'Pass som ställs in', level: 1 }).waitFor();

  await page.getByRole('button', { name: 'Publish', exact: true }).click();
  const publishing = page.getByRole('dialog', { name: 'Publish this session?' });
  expect(await publishing.textContent()).toContain('subscribers’ calendars add it');
  await publishing.getByRole('button', { name: 'Publish the session' }).click();
  await page.getByRole('status').filter({ hasText: 'Published.' }).waitFor();
  expect((await sessionOf(id)).published).toBe(true);

  // Going back changes nothing.
  await page.getByRole('button', { name: 'Cancel session' }).click();
  const cancelling = page.getByRole('dialog', { name: 'Cancel this session?' });
  expect(await cancelling.textContent()).toContain('subscribers’ calendars show it as cancelled');
  expect(await axeViolations(page)).toEqual([]);
  await cancelling.getByRole('button', { name: 'Go back' }).click();
  await cancelling.waitFor({ state: 'hidden' });
  expect((await sessionOf(id)).status).toBe('CONFIRMED');

  await page.getByRole('button', { name: 'Cancel session' }).click();
  await cancelling.getByRole('button', { name: 'Cancel the session' }).click();
  await page.getByRole('status').filter({ hasText: 'Cancelled.' }).waitFor();
  expect((await sessionOf(id)).status).toBe('CANCELLED');
  await page.locator('.page-actions .badge', { hasText: 'Cancelled' }).waitFor();

  // By keyboard: the question opens with focus on going back, and Escape keeps the session.
  await page.getByRole('button', { name: 'Delete session' }).focus();
  await page.keyboard.press('Enter');
  const deleting = page.getByRole('dialog', { name: 'Delete this session?' });
  expect(await deleting.textContent()).toContain('disappears from the programme and from every calendar');
  expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Go back');
  await page.keyboard.press('Escape');
  await deleting.waitFor({ state: 'hidden' });
  expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Delete session');
  expect((await sessionOf(id)).status).toBe('CANCELLED');

  await page.getByRole('button', { name: 'Delete session' }).click();
  await deleting.getByRole('button', { name: 'Delete the session' }).click();
  await page.getByRole('heading', { name: 'Sessions', level: 1 }).waitFor();
  await page.getByRole('status').filter({ hasText: 'Sessions found:' }).waitFor();
  expect(await page.getByRole('link', { name: 'Pass som ställs in' }).count()).toBe(0);
  const gone = await lectern.graphql(`query($id: ID!) { session(id: $id) { id } }`, { id }, { as: 'organiser' });
  expect(gone.errors?.[0].extensions?.code).toBe('NOT_FOUND');
  expectOnlyCommittedOperations(session);
  await session.context.close();
});

it('lists the sessions with their times in the conference’s zone, finds them by text and pages through them', async () => {
  await sessionMade('Morgonpass');
  await lectern.ok(
    `mutation($input: CreateSessionInput!) { createSession(input: $input) { id } }`,
    {
      input: {
        conferenceId,
        title: [
          { locale: 'sv', text: 'Hållbara städer' },
          { locale: 'en', text: 'Sustainable cities' },
        ],
        format: 'PANEL',
        language: 'sv',
        startsAt: '2027-03-11T13:00:00Z',
        endsAt: '2027-03-11T14:00:00Z',
      },
    },
    { as: 'organiser' },
  );
  for (let number = 1; number <= 21; number++) await sessionMade(`Blixttal ${String(number).padStart(2, '0')}`);
  const session = await signedIn(BASE);
  const { page } = session;
  await page.getByRole('heading', { name: 'Sessions', level: 1 }).waitFor();
  const total = (await lectern.ok(`{ conference(slug: "${SLUG}") { sessions { totalCount } } }`, {}, { as: 'organiser' })).conference
    .sessions.totalCount;
  await page
    .getByRole('status')
    .filter({ hasText: `Sessions found: ${total}` })
    .waitFor();
  expect(await page.locator('.sessions-list tbody tr').count()).toBe(20);
  const row = page.getByRole('row', { name: /Morgonpass/ });
  expect(await row.textContent()).toContain('2027-03-10 10:00–11:00');
  expect(await row.textContent()).toContain('Aulan');
  expect(await row.textContent()).toContain('Confirmed');

  await page.getByRole('button', { name: 'Next page' }).click();
  await page.getByRole('button', { name: 'Previous page' }).and(page.locator(':enabled')).waitFor();
  expect(await page.locator('.sessions-list tbody tr').count()).toBe(total - 20);
  await page.getByRole('button', { name: 'Previous page' }).click();
  await page.getByRole('link', { name: 'Morgonpass' }).waitFor();

  await page.getByLabel('Find sessions').fill('städer');
  await page.getByRole('button', { name: 'Find', exact: true }).click();
  await page.getByRole('status').filter({ hasText: 'Sessions found: 1' }).waitFor();
  const found = page.getByRole('row', { name: /Sustainable cities/ });
  // 13:00 UTC is 14:00 in Stockholm; no room yet.
  expect(await found.textContent()).toContain('2027-03-11 14:00–15:00');
  expect(await found.textContent()).toContain('No room');
  expect(await page.locator('.sessions-list tbody tr').count()).toBe(1);
  // In Swedish the list says so, and shows each title in Swedish where it has one.
  await page.getByLabel('Language').selectOption('sv');
  await page.getByRole('heading', { name: 'Pass', level: 1 }).waitFor();
  await page.getByRole('link', { name: 'Hållbara städer' }).waitFor();
  await page.getByRole('columnheader', { name: 'Tid (Europe/Stockholm)' }).waitFor();
  expect(await axeViolations(page)).toEqual([]);
  await page.getByLabel('Språk').selectOption('en');
  await page.getByRole('link', { name: 'Sustainable cities' }).waitFor();
  await page.getByRole('button', { name: 'Show all' }).click();
  await page
    .getByRole('status')
    .filter({ hasText: `Sessions found: ${total}` })
    .waitFor();
  expect(await axeViolations(page)).toEqual([]);
  await page.screenshot({ path: join(SCREENSHOTS, 'sessions.png') });

  // The list leads to the editor at the address the schedule board links to.
  await page.getByRole('link', { name: 'Morgonpass' }).click();
  await page.getByRole('heading', { name: 'Morgonpass', level: 1 }).waitFor();
  expect(new URL(page.url()).pathname).toMatch(new RegExp(`^${BASE}/[^/]+$`));
  expectOnlyCommittedOperations(session);
  await session.context.close();
});
