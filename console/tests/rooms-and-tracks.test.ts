import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { Browser } from 'playwright-core';
import { axeViolations, launchBrowser } from '../../tests/support/browser';
import { builtConsole, expectOnlyCommittedOperations, openConsole, signInWithToken } from '../../tests/support/console';
import { Lectern, startLectern } from '../../tests/support/lectern';

/**
 * A conference's rooms (with the windows they can be used in, in the conference's own time zone)
 * and tracks (with colours), kept from the console.
 */

const SCREENSHOTS = join(__dirname, '..', '..', 'test-output', 'console');

let lectern: Lectern;
let browser: Browser;

beforeAll(async () => {
  lectern = await startLectern({ CONSOLE_DIR: builtConsole() });
  browser = await launchBrowser();
  mkdirSync(SCREENSHOTS, { recursive: true });
  await lectern.ok(
    `mutation { createConference(input: { slug: "fjordkonf-2027", name: "Fjordkonf 2027", startDate: "2027-02-10",
      endDate: "2027-02-11", timeZone: "Europe/Oslo", defaultLocale: "nb" }) { id } }`,
    {},
    { as: 'organiser' },
  );
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await lectern?.close();
});

const roomsAndTracks = async () =>
  (
    await lectern.ok(
      `{ conference(slug: "fjordkonf-2027") {
      rooms { name slug capacity published streamUrl availability { startsAt endsAt } }
      tracks { name slug color published } } }`,
      {},
      { as: 'organiser' },
    )
  ).conference;

it('adds a room with the windows it can be used in, read in the conference’s time zone, and says which field is wrong', async () => {
  const session = await openConsole(browser, lectern);
  const { page } = session;
  await signInWithToken(page, lectern.adminToken);
  await page.goto(`${lectern.url}/console/conferences/fjordkonf-2027/rooms`);
  await page.getByRole('heading', { name: 'Rooms and tracks' }).waitFor();
  expect(await page.getByRole('link', { name: 'Rooms and tracks' }).getAttribute('aria-current')).toBe('page');

  await page.getByRole('button', { name: 'New room' }).click();
  const dialog = page.getByRole('dialog', { name: 'New room' });
  await dialog.getByLabel('Name', { exact: true }).fill('Store sal');
  await dialog.getByLabel('Address name').fill('Store sal');
  await dialog.getByLabel('Seats').fill('400');
  await dialog.getByRole('button', { name: 'Add a window' }).click();
  await dialog.getByLabel('From').fill('2027-02-10T09:00');
  await dialog.getByLabel('Until').fill('2027-02-10T17:30');
  await dialog.getByRole('button', { name: 'Save' }).click();

  // The server names the field, the console shows it there, and nothing was added.
  const slugProblem = dialog.locator('.field-invalid', { has: page.getByLabel('Address name') }).locator('.problem');
  await slugProblem.waitFor();
  expect(await slugProblem.textContent()).toMatch(/lower-case letters/);
  expect(await axeViolations(page)).toEqual([]);
  expect((await roomsAndTracks()).rooms).toEqual([]);

  await dialog.getByLabel('Address name').fill('store-sal');
  await dialog.getByRole('button', { name: 'Save' }).click();
  await page.getByRole('cell', { name: 'Store sal', exact: true }).waitFor();
  // 09:00 in Oslo in February is 08:00 UTC, whatever zone the organiser's computer is in.
  expect((await roomsAndTracks()).rooms).toEqual([
    {
      name: 'Store sal',
      slug: 'store-sal',
      capacity: 400,
      published: true,
      streamUrl: null,
      availability: [{ startsAt: '2027-02-10T08:00:00.000Z', endsAt: '2027-02-10T16:30:00.000Z' }],
    },
  ]);
  expect(await page.getByRole('row', { name: /Store sal/ }).textContent()).toContain('2027-02-10 09:00 – 2027-02-10 17:30');

  await page.getByRole('button', { name: 'Edit Store sal' }).click();
  const editing = page.getByRole('dialog', { name: 'Room Store sal' });
  expect(await editing.getByLabel('From').inputValue()).toBe('2027-02-10T09:00');
  await editing.getByLabel('Stream address').fill('https://stream.example.org/store-sal');
  await editing.getByRole('button', { name: 'Remove this window' }).click();
  await editing.getByRole('button', { name: 'Save' }).click();
  await page.getByRole('cell', { name: 'Throughout the conference' }).waitFor();
  expect((await roomsAndTracks()).rooms).toEqual([
    expect.objectContaining({ streamUrl: 'https://stream.example.org/store-sal', availability: [] }),
  ]);
  expect(await axeViolations(page)).toEqual([]);
  await page.screenshot({ path: join(SCREENSHOTS, 'rooms-and-tracks.png') });
  expectOnlyCommittedOperations(session);
  await session.context.close();
});

it('adds, recolours and deletes a track, asking first', async () => {
  const session = await openConsole(browser, lectern);
  const { page } = session;
  await signInWithToken(page, lectern.adminToken);
  await page.goto(`${lectern.url}/console/conferences/fjordkonf-2027/rooms`);
  await page.getByRole('button', { name: 'New track' }).click();
  const dialog = page.getByRole('dialog', { name: 'New track' });
  await dialog.getByLabel('Name', { exact: true }).fill('Personvern');
  await dialog.getByLabel('Address name').fill('personvern');
  await dialog.getByLabel('Colour').fill('#aa3377');
  await dialog.getByRole('button', { name: 'Save' }).click();
  await page.getByRole('cell', { name: 'Personvern', exact: true }).waitFor();
  expect((await roomsAndTracks()).tracks).toEqual([{ name: 'Personvern', slug: 'personvern', color: '#aa3377', published: true }]);

  await page.getByRole('button', { name: 'Edit Personvern' }).click();
  await page.getByRole('dialog', { name: 'Track Personvern' }).getByLabel('Published').uncheck();
  await page.getByRole('dialog', { name: 'Track Personvern' }).getByRole('button', { name: 'Save' }).click();
  await page
    .getByRole('row', { name: /Personvern/ })
    .getByRole('cell', { name: 'No', exact: true })
    .waitFor();
  expect((await roomsAndTracks()).tracks[0].published).toBe(false);

  // Declining the question keeps the track; accepting it deletes it.
  const questions: string[] = [];
  let answer = false;
  page.on('dialog', async (question) => {
    questions.push(question.message());
    await (answer ? question.accept() : question.dismiss());
  });
  await page.getByRole('button', { name: 'Delete Personvern' }).click();
  expect(questions).toEqual([expect.stringContaining('Its sessions stay in the programme')]);
  expect((await roomsAndTracks()).tracks).toHaveLength(1);
  answer = true;
  await page.getByRole('button', { name: 'Delete Personvern' }).click();
  await page.getByRole('cell', { name: 'Personvern', exact: true }).waitFor({ state: 'detached' });
  expect((await roomsAndTracks()).tracks).toEqual([]);
  expectOnlyCommittedOperations(session);
  await session.context.close();
});
