import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { Browser, Page } from 'playwright-core';
import { axeViolations, launchBrowser } from '../../tests/support/browser';
import { builtConsole, expectOnlyCommittedOperations, openConsole, signInWithToken } from '../../tests/support/console';
import { Lectern, startLectern } from '../../tests/support/lectern';
import { SCHEDULE_FORMATS } from '../../tests/support/schedule-validation';

/**
 * An organiser's whole path through the console on a fresh database, as one story: sign in, make
 * a conference with two rooms and a track, three sessions with speakers, drag one onto another's
 * room and time and see the conflict on both cards, move it away, publish, release, import the
 * shared pretalx sample into a second conference (a dry run first), and read the result on the
 * public programme site. Every step is done in the page, the way an organiser does it.
 */

const SCREENSHOTS = join(__dirname, '..', '..', 'test-output', 'console');
const SAMPLE = join(SCHEDULE_FORMATS, 'samples', 'voc-pretalx-democon.json');

let lectern: Lectern;
let browser: Browser;

beforeAll(async () => {
  lectern = await startLectern({ CONSOLE_DIR: builtConsole() });
  browser = await launchBrowser();
  mkdirSync(SCREENSHOTS, { recursive: true });
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await lectern?.close();
});

const shot = (page: Page, name: string) => page.screenshot({ path: join(SCREENSHOTS, `path-${name}.png`), fullPage: true });

interface Days {
  first: string;
  last: string;
  zone: string;
}

async function newConference(page: Page, name: string, slug: string, days: Days) {
  await page.getByRole('link', { name: 'Conferences' }).click();
  await page.getByRole('link', { name: 'New conference' }).click();
  await page.getByLabel('Name', { exact: true }).fill(name);
  await page.getByLabel('Address name').fill(slug);
  await page.getByLabel('First day').fill(days.first);
  await page.getByLabel('Last day').fill(days.last);
  await page.getByLabel('Time zone').selectOption(days.zone);
  await page.getByLabel('Default language', { exact: true }).selectOption('sv');
  await page.getByLabel('Languages it publishes in').fill('sv, en');
  await page.getByRole('button', { name: 'Create conference' }).click();
  await page.getByRole('heading', { name, level: 1 }).waitFor();
  await page.getByRole('button', { name: 'Publish' }).click();
  await page.getByRole('button', { name: 'Unpublish' }).waitFor();
}

async function section(page: Page, name: string) {
  await page.getByRole('navigation').getByRole('link', { name, exact: true }).click();
  await page.getByRole('heading', { name, level: 1 }).waitFor();
}

it('runs a programme from the browser, from sign-in to the public site', async () => {
  const session = await openConsole(browser, lectern);
  const { page } = session;
  await signInWithToken(page, lectern.adminToken);

  // A conference, published, with two rooms and a track.
  await newConference(page, 'Öppna Norden 2027', 'oppna-norden-2027', {
    first: '2027-09-14',
    last: '2027-09-15',
    zone: 'Europe/Stockholm',
  });
  await shot(page, 'conference');
  await section(page, 'Rooms and tracks');
  for (const [name, slug] of [
    ['Sal A', 'sal-a'],
    ['Sal B', 'sal-b'],
  ]) {
    await page.getByRole('button', { name: 'New room' }).click();
    const dialog = page.getByRole('dialog', { name: 'New room' });
    await dialog.getByLabel('Name', { exact: true }).fill(name);
    await dialog.getByLabel('Address name').fill(slug);
    await dialog.getByRole('button', { name: 'Save' }).click();
    await page.getByRole('cell', { name, exact: true }).waitFor();
  }
  await page.getByRole('button', { name: 'New track' }).click();
  const trackDialog = page.getByRole('dialog', { name: 'New track' });
  await trackDialog.getByLabel('Name', { exact: true }).fill('Öppna data');
  await trackDialog.getByLabel('Address name').fill('oppna-data');
  await trackDialog.getByRole('button', { name: 'Save' }).click();
  await page.getByRole('cell', { name: 'Öppna data', exact: true }).waitFor();
  await shot(page, 'rooms-and-tracks');

  // Three speakers.
  await section(page, 'Speakers');
  for (const [name, slug] of [
    ['Anna Lindqvist', 'anna-lindqvist'],
    ['Bo Hedlund', 'bo-hedlund'],
    ['Cecilia Ek', 'cecilia-ek'],
  ]) {
    await page.getByRole('button', { name: 'New speaker' }).click();
    const dialog = page.getByRole('dialog', { name: 'New speaker' });
    await dialog.getByLabel('Name', { exact: true }).fill(name);
    await dialog.getByLabel('Address name').fill(slug);
    await dialog.getByRole('button', { name: 'Add the speaker' }).click();
    await page.getByRole('heading', { name, level: 1 }).waitFor();
    await section(page, 'Speakers');
  }

  // Three sessions, each with a speaker, published.
  const sessions = [
    { title: 'Öppningen', room: 'Sal A', starts: '09:00', ends: '09:45', speaker: 'Anna' },
    { title: 'Data i kommunerna', room: 'Sal B', starts: '10:00', ends: '10:45', speaker: 'Bo' },
    { title: 'Avslutningen', room: 'Sal A', starts: '11:00', ends: '11:30', speaker: 'Cecilia' },
  ];
  for (const each of sessions) {
    await section(page, 'Sessions');
    await page.getByRole('link', { name: 'New session' }).click();
    await page.getByLabel('Title (Svenska)', { exact: true }).fill(each.title);
    await page.getByLabel('Starts (Europe/Stockholm)').fill(`2027-09-14T${each.starts}`);
    await page.getByLabel('Ends (Europe/Stockholm)').fill(`2027-09-14T${each.ends}`);
    await page.getByLabel('Room', { exact: true }).selectOption({ label: each.room });
    await page.getByLabel('Track', { exact: true }).selectOption({ label: 'Öppna data' });
    await page.getByRole('button', { name: 'Create session' }).click();
    await page.getByRole('heading', { name: each.title, level: 1 }).waitFor();
    await page.getByLabel('Find a speaker by name').fill(each.speaker);
    await page.getByRole('button', { name: 'Search', exact: true }).click();
    await page.getByRole('button', { name: new RegExp(`^Add ${each.speaker}`) }).click();
    await page.locator('.line-up tbody tr').filter({ hasText: each.speaker }).waitFor();
    await page.getByRole('button', { name: 'Publish', exact: true }).click();
    await page.getByRole('dialog', { name: 'Publish this session?' }).getByRole('button', { name: 'Publish the session' }).click();
    await page.getByText('Published', { exact: true }).first().waitFor();
  }
  await shot(page, 'session');

  // On the board: the workshop dragged onto the opening's room and time conflicts on both cards.
  await section(page, 'Schedule');
  const card = (title: string) => page.locator('.board-card', { hasText: title });
  await card('Öppningen').waitFor();
  const from = (await card('Data i kommunerna').boundingBox())!;
  const to = (await card('Öppningen').boundingBox())!;
  await page.mouse.move(from.x + from.width / 2, from.y + from.height / 2);
  await page.mouse.down();
  await page.mouse.move(to.x + to.width / 2, to.y + to.height / 2, { steps: 12 });
  await page.mouse.up();
  await card('Öppningen').filter({ hasText: 'Room double-booked' }).waitFor();
  await card('Data i kommunerna').filter({ hasText: 'Room double-booked' }).waitFor();
  expect(await axeViolations(page)).toEqual([]);
  await shot(page, 'board-conflict');
  // Away again: back to Sal B at ten, by the keyboard's dialog this time.
  await card('Data i kommunerna').focus();
  await page.keyboard.press('Enter');
  const move = page.getByRole('dialog', { name: 'Schedule Data i kommunerna' });
  await move.getByLabel('Room').selectOption({ label: 'Sal B' });
  await move.getByLabel('Starts').fill('10:00');
  await move.getByLabel('Ends').fill('10:45');
  await move.getByRole('button', { name: 'Save' }).click();
  await move.waitFor({ state: 'hidden' });
  await card('Data i kommunerna').filter({ hasText: '10:00–10:45' }).waitFor();
  expect(await card('Öppningen').textContent()).not.toContain('double-booked');
  expect(await card('Data i kommunerna').textContent()).not.toContain('double-booked');
  await shot(page, 'board');

  // The first release.
  await section(page, 'Releases');
  await page.getByLabel('Name').fill('v1');
  await page.getByLabel('Note').fill('Det första programmet.');
  await page.getByRole('button', { name: 'Release', exact: true }).click();
  await page.getByRole('status').filter({ hasText: 'Released as version 1, “v1”.' }).waitFor();
  await shot(page, 'release');

  // A second conference, on the sample's days, its programme brought from pretalx: a dry run first, then for real.
  await newConference(page, 'DemoCon i Lectern', 'democon-i-lectern', { first: '2020-12-14', last: '2020-12-16', zone: 'UTC' });
  await section(page, 'Import and export');
  await page.getByLabel('Document file').setInputFiles(SAMPLE);
  await page.getByRole('button', { name: 'Try it (dry run)' }).click();
  await page.getByRole('region', { name: 'What the import would do' }).waitFor();
  const before = await lectern.ok('{ conference(slug: "democon-i-lectern") { sessions { totalCount } } }', {}, { as: 'organiser' });
  expect(before.conference.sessions.totalCount).toBe(0);
  await shot(page, 'import-dry-run');
  await page.getByRole('button', { name: 'Import for real' }).click();
  await page.getByRole('region', { name: 'What the import did' }).waitFor();
  await shot(page, 'import');
  const after = await lectern.ok(
    '{ conference(slug: "democon-i-lectern") { sessions(first: 1) { totalCount edges { node { title } } } } }',
    {},
    { as: 'organiser' },
  );
  expect(after.conference.sessions.totalCount).toBeGreaterThan(0);
  expectOnlyCommittedOperations(session);

  // The public programme site shows both, as any reader sees them (no cookie, a new browser).
  const reader = await browser.newContext({ viewport: { width: 1280, height: 720 }, locale: 'sv-SE' });
  const site = await reader.newPage();
  await site.goto(`${lectern.url}/oppna-norden-2027`);
  for (const each of sessions) await site.getByRole('link', { name: each.title }).first().waitFor();
  expect(await site.content()).toContain('Anna Lindqvist');
  await site.screenshot({ path: join(SCREENSHOTS, 'path-public-programme.png'), fullPage: true });
  await site.goto(`${lectern.url}/democon-i-lectern`);
  await site.getByRole('link', { name: after.conference.sessions.edges[0].node.title }).first().waitFor();
  await site.screenshot({ path: join(SCREENSHOTS, 'path-public-import.png') });
  await reader.close();
  await session.context.close();
});
