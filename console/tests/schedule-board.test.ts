import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { Browser, Locator, Page } from 'playwright-core';
import { axeViolations, launchBrowser } from '../../tests/support/browser';
import { builtConsole, ConsoleSession, expectOnlyCommittedOperations, openConsole, signInWithToken } from '../../tests/support/console';
import { Lectern, startLectern } from '../../tests/support/lectern';
import { ConferenceRef, programmeBuilder, RoomRef } from '../../tests/support/programme';

/**
 * The schedule board in a real browser: sessions dragged in time and between rooms, their length
 * dragged, sessions dragged in from the tray, conflicts on the cards as they arise, undo, the same
 * move by keyboard, and other organisers' changes arriving live.
 */

const SCREENSHOTS = join(__dirname, '..', '..', 'test-output', 'console');

let lectern: Lectern;
let browser: Browser;
let conference: ConferenceRef;
let salA: RoomRef;
let salB: RoomRef;
const ids: Record<string, string> = {};

beforeAll(async () => {
  lectern = await startLectern({ CONSOLE_DIR: builtConsole() });
  browser = await launchBrowser();
  mkdirSync(SCREENSHOTS, { recursive: true });
  const build = programmeBuilder(lectern);
  conference = await build.conference({
    name: 'Nordiska webbdagarna 2027',
    startDate: '2027-05-04',
    endDate: '2027-05-05',
    timeZone: 'Europe/Stockholm',
    defaultLocale: 'en',
  });
  salA = await build.room(conference, { name: 'Sal A' });
  salB = await build.room(conference, { name: 'Sal B' });
  const anna = await build.speaker({ name: 'Anna Lindqvist' });
  const bo = await build.speaker({ name: 'Bo Hedlund' });
  const cecilia = await build.speaker({ name: 'Cecilia Ek' });
  const at = (clock: string) => `2027-05-04T${clock}:00+02:00`;
  ids.keynote = (
    await build.session(conference, { title: 'Keynote', room: salA, startsAt: at('09:00'), endsAt: at('09:45'), speakers: [anna] })
  ).id;
  ids.workshop = (
    await build.session(conference, { title: 'Workshop', room: salB, startsAt: at('10:00'), endsAt: at('10:45'), speakers: [bo] })
  ).id;
  ids.panel = (await build.session(conference, { title: 'Panel', startsAt: null, speakers: [cecilia] })).id;
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await lectern?.close();
});

const placed = async (id: string) =>
  (await lectern.ok('query ($id: ID!) { node(id: $id) { ... on Session { startsAt endsAt room { name } } } }', { id }, { as: 'organiser' }))
    .node;

async function openBoard(): Promise<ConsoleSession> {
  const session = await openConsole(browser, lectern);
  await signInWithToken(session.page, lectern.adminToken);
  await session.page.goto(`${lectern.url}/console/conferences/${conference.slug}/schedule`);
  await card(session.page, 'Keynote').waitFor();
  return session;
}

const card = (page: Page, title: string) => page.locator('.board-card', { hasText: title });

/** Drags from a point of one element to a point of another (fractions of their boxes), as a mouse does. */
async function drag(page: Page, from: Locator, to: Locator, grip = { x: 0.5, y: 0.5 }, drop = grip) {
  const source = (await from.boundingBox())!;
  const target = (await to.boundingBox())!;
  await page.mouse.move(source.x + source.width * grip.x, source.y + source.height * grip.y);
  await page.mouse.down();
  await page.mouse.move(target.x + target.width * drop.x, target.y + target.height * drop.y, { steps: 12 });
  await page.mouse.up();
}

const settled = (page: Page) => page.getByRole('status').filter({ hasText: 'Saving' }).waitFor({ state: 'detached' });

it('shows a conflict on both cards when a session is dragged onto another, clears it when moved away, and undoes moves', async () => {
  const session = await openBoard();
  const { page } = session;
  expect(await card(page, 'Keynote').textContent()).toContain('09:00–09:45');
  expect(await card(page, 'Keynote').textContent()).toContain('Anna Lindqvist');

  // Onto the keynote's room and time: the same grip on both cards lands it at 09:00 in Sal A.
  await drag(page, card(page, 'Workshop'), card(page, 'Keynote'));
  await card(page, 'Keynote').filter({ hasText: 'Room double-booked' }).waitFor();
  await card(page, 'Workshop').filter({ hasText: 'Room double-booked' }).waitFor();
  expect(await placed(ids.workshop)).toEqual({
    startsAt: '2027-05-04T07:00:00.000Z',
    endsAt: '2027-05-04T07:45:00.000Z',
    room: { name: 'Sal A' },
  });
  const list = page.getByRole('region', { name: /Conflicts/ });
  expect(await list.textContent()).toMatch(/Room double-booked/);
  expect(await axeViolations(page)).toEqual([]);
  await page.screenshot({ path: join(SCREENSHOTS, 'schedule-board-conflict.png') });

  // Away again, an hour later (the snap step is 5 minutes): both cards are clear.
  const workshop = (await card(page, 'Workshop').boundingBox())!;
  await page.mouse.move(workshop.x + workshop.width / 2, workshop.y + 10);
  await page.mouse.down();
  await page.mouse.move(workshop.x + workshop.width / 2, workshop.y + 10 + 60 * 1.6, { steps: 12 });
  await page.mouse.up();
  await card(page, 'Workshop').filter({ hasText: '10:00–10:45' }).waitFor();
  await settled(page);
  expect(await card(page, 'Keynote').textContent()).not.toContain('double-booked');
  expect(await card(page, 'Workshop').textContent()).not.toContain('double-booked');
  expect(await list.textContent()).not.toMatch(/Room double-booked/);
  expect((await placed(ids.workshop)).room).toEqual({ name: 'Sal A' });

  // Undo takes back the last moves, one at a time: onto the keynote again, then where it began.
  await page.getByRole('button', { name: 'Undo: Workshop' }).click();
  await card(page, 'Workshop').filter({ hasText: 'Room double-booked' }).waitFor();
  await page.getByRole('button', { name: 'Undo: Workshop' }).click();
  await card(page, 'Workshop').filter({ hasText: '10:00–10:45' }).waitFor();
  await settled(page);
  expect(await placed(ids.workshop)).toEqual({
    startsAt: '2027-05-04T08:00:00.000Z',
    endsAt: '2027-05-04T08:45:00.000Z',
    room: { name: 'Sal B' },
  });
  expect(await page.getByRole('button', { name: 'Undo' }).isDisabled()).toBe(true);
  expectOnlyCommittedOperations(session);
  await session.context.close();
});

it("changes a session's length by dragging its edge, and schedules one dragged in from the tray", async () => {
  const session = await openBoard();
  const { page } = session;
  // The bottom edge of the keynote, half an hour down.
  const keynote = (await card(page, 'Keynote').boundingBox())!;
  await page.mouse.move(keynote.x + keynote.width / 2, keynote.y + keynote.height - 2);
  await page.mouse.down();
  await page.mouse.move(keynote.x + keynote.width / 2, keynote.y + keynote.height - 2 + 30 * 1.6, { steps: 8 });
  await page.mouse.up();
  await card(page, 'Keynote').filter({ hasText: '09:00–10:15' }).waitFor();
  await settled(page);
  expect(await placed(ids.keynote)).toMatchObject({ startsAt: '2027-05-04T07:00:00.000Z', endsAt: '2027-05-04T08:15:00.000Z' });

  // From the tray into Sal B, just under the workshop: it starts where it is dropped, for 30 minutes.
  const tray = page.getByRole('region', { name: 'Not scheduled yet' });
  const workshop = (await card(page, 'Workshop').boundingBox())!;
  const panel = (await tray.getByRole('button', { name: /Panel/ }).boundingBox())!;
  await page.mouse.move(panel.x + 10, panel.y + 5);
  await page.mouse.down();
  await page.mouse.move(workshop.x + 20, workshop.y + workshop.height + 15 * 1.6 + 2, { steps: 15 });
  await page.mouse.up();
  await card(page, 'Panel').filter({ hasText: '11:00–11:30' }).waitFor();
  await settled(page);
  expect(await placed(ids.panel)).toEqual({
    startsAt: '2027-05-04T09:00:00.000Z',
    endsAt: '2027-05-04T09:30:00.000Z',
    room: { name: 'Sal B' },
  });
  expect(await tray.textContent()).toContain('Every session has a time.');
  expectOnlyCommittedOperations(session);
  await session.context.close();
});

it('moves a session by keyboard, in a dialog, with the same conflicts', async () => {
  const session = await openBoard();
  const { page } = session;
  await card(page, 'Workshop').focus();
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('dialog', { name: 'Schedule Workshop' });
  await dialog.getByLabel('Room').selectOption({ label: 'Sal A' });
  await dialog.getByLabel('Starts').fill('09:30');
  await dialog.getByLabel('Ends').fill('10:00');
  expect(await axeViolations(page)).toEqual([]);
  await page.screenshot({ path: join(SCREENSHOTS, 'schedule-board-dialog.png') });
  await dialog.getByRole('button', { name: 'Save' }).press('Enter');
  await dialog.waitFor({ state: 'hidden' });
  await card(page, 'Workshop').filter({ hasText: '09:30–10:00' }).waitFor();
  await card(page, 'Keynote').filter({ hasText: 'Room double-booked' }).waitFor();
  expect(await placed(ids.workshop)).toEqual({
    startsAt: '2027-05-04T07:30:00.000Z',
    endsAt: '2027-05-04T08:00:00.000Z',
    room: { name: 'Sal A' },
  });

  // A time the server refuses is shown in the dialog, and nothing moves.
  await card(page, 'Workshop').focus();
  await page.keyboard.press('Enter');
  await dialog.getByLabel('Ends').fill('09:00');
  await dialog.getByRole('button', { name: 'Save' }).click();
  const endsProblem = dialog.locator('.field-invalid', { has: page.getByLabel('Ends') }).locator('.problem');
  await endsProblem.waitFor();
  expect(await endsProblem.textContent()).toMatch(/after/);
  expect((await placed(ids.workshop)).endsAt).toBe('2027-05-04T08:00:00.000Z');
  await page.keyboard.press('Escape');
  expectOnlyCommittedOperations(session);
  await session.context.close();
});

it("shows another organiser's change as it happens", async () => {
  const session = await openBoard();
  const { page } = session;
  await lectern.ok(
    'mutation ($input: UpdateSessionInput!) { updateSession(input: $input) { id } }',
    { input: { id: ids.keynote, startsAt: '2027-05-04T12:00:00+02:00', endsAt: '2027-05-04T12:30:00+02:00', roomId: salB.id } },
    { as: 'organiser' },
  );
  await card(page, 'Keynote').filter({ hasText: '12:00–12:30' }).waitFor();
  expect(await card(page, 'Keynote').textContent()).not.toContain('double-booked');
  expectOnlyCommittedOperations(session);
  await session.context.close();
});
