import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { Browser } from 'playwright-core';
import { axeViolations, launchBrowser } from '../../tests/support/browser';
import { builtConsole, expectOnlyCommittedOperations, openConsole, signInWithToken } from '../../tests/support/console';
import { Lectern, startLectern } from '../../tests/support/lectern';

/**
 * Schedule releases from the console: what the next release will bring (against the last one),
 * releasing with a name and a note, refused while a conflict blocks it, and the releases so far.
 */

const SCREENSHOTS = join(__dirname, '..', '..', 'test-output', 'console');

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

const organiser = (query: string, variables: Record<string, unknown> = {}) => lectern.ok(query, variables, { as: 'organiser' });

/** A published conference in Stockholm with one published room, Aula. */
async function conference(slug: string, name: string) {
  const { createConference } = await organiser(`mutation ($input: CreateConferenceInput!) { createConference(input: $input) { id } }`, {
    input: { slug, name, startDate: '2027-03-04', endDate: '2027-03-05', timeZone: 'Europe/Stockholm', defaultLocale: 'sv' },
  });
  await organiser(`mutation ($id: ID!) { publishConference(input: { id: $id }) { id } }`, { id: createConference.id });
  const { createRoom } = await organiser(`mutation ($input: CreateRoomInput!) { createRoom(input: $input) { id } }`, {
    input: { conferenceId: createConference.id, name: 'Aula', slug: 'aula' },
  });
  return { id: createConference.id as string, roomId: createRoom.id as string };
}

/** A published talk with its speaker (a talk without one is a conflict that blocks a release). */
async function publishedSession(conferenceId: string, roomId: string, title: string, startsAt: string, endsAt: string, speaker: string) {
  const { createSession } = await organiser(`mutation ($input: CreateSessionInput!) { createSession(input: $input) { id } }`, {
    input: { conferenceId, roomId, title: [{ locale: 'sv', text: title }], format: 'TALK', language: 'sv', startsAt, endsAt },
  });
  const { createSpeaker } = await organiser(`mutation ($input: CreateSpeakerInput!) { createSpeaker(input: $input) { id } }`, {
    input: { conferenceId, name: speaker, slug: speaker.toLowerCase().replace(/\W+/g, '-') },
  });
  await organiser(`mutation ($input: AddAppearanceInput!) { addAppearance(input: $input) { id } }`, {
    input: { sessionId: createSession.id, speakerId: createSpeaker.id },
  });
  await organiser(`mutation ($id: ID!) { publishSession(input: { id: $id }) { id } }`, { id: createSession.id });
  return createSession.id as string;
}

const releasesOf = async (slug: string) =>
  (
    await organiser(
      `query ($slug: String!) { scheduleReleases(conferenceSlug: $slug) { version name note sessions { title startsAt } } }`,
      {
        slug,
      },
    )
  ).scheduleReleases;

it('shows what the first release will hold, releases it with a name and a note, and then the changes against it', async () => {
  const { id, roomId } = await conference('nordkonf-2027', 'Nordkonf 2027');
  const opening = await publishedSession(id, roomId, 'Öppning', '2027-03-04T09:00:00+01:00', '2027-03-04T09:45:00+01:00', 'Astrid Lind');

  const session = await openConsole(browser, lectern);
  const { page } = session;
  await signInWithToken(page, lectern.adminToken);
  await page.goto(`${lectern.url}/console/conferences/nordkonf-2027/releases`);
  await page.getByRole('heading', { name: 'Releases', level: 1 }).waitFor();
  expect(await page.getByRole('link', { name: 'Releases' }).getAttribute('aria-current')).toBe('page');

  const pending = page.getByRole('region', { name: 'What the first release will hold' });
  const added = pending.getByRole('region', { name: 'Added (1)' });
  await added.waitFor();
  // Times in the conference's zone, whatever the organiser's computer is set to.
  expect(await added.getByRole('listitem').textContent()).toBe('Öppning — Thu 4 Mar 09:00–09:45, Aula — Astrid Lind');
  expect(await page.getByRole('region', { name: 'Earlier releases' }).textContent()).toContain('There is no release yet.');
  expect(await page.locator('.release-blocking').count()).toBe(0);
  expect(await axeViolations(page)).toEqual([]);

  await page.getByLabel('Name').fill('v1');
  await page.getByLabel('Note').fill('Det första programmet.');
  await page.getByRole('button', { name: 'Release', exact: true }).click();
  await page.getByRole('status').filter({ hasText: 'Released as version 1, “v1”.' }).waitFor();
  const first = page.getByRole('listitem').filter({ has: page.getByRole('heading', { name: 'Release 1: v1' }) });
  await first.waitFor();
  expect(await first.textContent()).toContain('Det första programmet.');
  await page
    .getByRole('region', { name: 'Changes since release 1, “v1”' })
    .getByText('Nothing has changed since the last release.')
    .waitFor();
  expect(await releasesOf('nordkonf-2027')).toEqual([
    { version: 1, name: 'v1', note: 'Det första programmet.', sessions: [{ title: 'Öppning', startsAt: '2027-03-04T08:00:00.000Z' }] },
  ]);

  // Moved elsewhere (here: through the API), the session shows as moved against v1 once the organiser looks again.
  await organiser(`mutation ($input: UpdateSessionInput!) { updateSession(input: $input) { id } }`, {
    input: { id: opening, startsAt: '2027-03-04T10:00:00+01:00', endsAt: '2027-03-04T10:45:00+01:00' },
  });
  await page.getByRole('button', { name: 'Look again' }).click();
  const moved = page.getByRole('region', { name: 'Changes since release 1, “v1”' }).getByRole('region', { name: 'New time or room (1)' });
  await moved.waitFor();
  expect(await moved.getByRole('listitem').textContent()).toBe('Öppning: Thu 4 Mar 09:00–09:45, Aula → Thu 4 Mar 10:00–10:45, Aula');
  // What a reader of v1 gets has not moved.
  expect((await releasesOf('nordkonf-2027'))[0].sessions).toEqual([{ title: 'Öppning', startsAt: '2027-03-04T08:00:00.000Z' }]);

  // Opened, a release tells what it held and what it changed.
  await first.getByText('What it held: 1 session · Changes: the first release').click();
  const held = first.getByRole('region', { name: 'What it held: 1 session' });
  await held.waitFor();
  expect(await held.getByRole('listitem').textContent()).toBe('Öppning — Thu 4 Mar 09:00–09:45, Aula — Astrid Lind');
  expect(await first.getByRole('region', { name: 'Added (1)' }).getByRole('listitem').textContent()).toBe(
    'Öppning — Thu 4 Mar 09:00–09:45, Aula — Astrid Lind',
  );
  expect(await axeViolations(page)).toEqual([]);
  await page.screenshot({ path: join(SCREENSHOTS, 'releases.png'), fullPage: true });
  expectOnlyCommittedOperations(session);
  await session.context.close();
});

it('tells why a release is refused while two published sessions share a room, and releases nothing', async () => {
  const { id, roomId } = await conference('sydkonf-2027', 'Sydkonf 2027');
  await publishedSession(id, roomId, 'Panel', '2027-03-04T13:00:00+01:00', '2027-03-04T14:00:00+01:00', 'Bo Ek');
  await publishedSession(id, roomId, 'Workshop', '2027-03-04T13:30:00+01:00', '2027-03-04T14:30:00+01:00', 'Cecilia Berg');

  const session = await openConsole(browser, lectern);
  const { page } = session;
  await signInWithToken(page, lectern.adminToken);
  await page.goto(`${lectern.url}/console/conferences/sydkonf-2027/releases`);
  await page.getByRole('region', { name: 'Added (2)' }).waitFor();
  // Told before trying, and again, as the server's answer, on trying.
  const told = page.locator('.release-blocking');
  expect(await told.textContent()).toContain('These conflicts stop the next release');
  expect(await told.textContent()).toContain('are both in Aula at the same time');
  expect(await told.getByRole('link', { name: 'Open the schedule' }).getAttribute('href')).toBe(
    '/console/conferences/sydkonf-2027/schedule',
  );
  await page.getByLabel('Name').fill('v1');
  await page.getByRole('button', { name: 'Release', exact: true }).click();

  const alert = page.getByRole('alert');
  await alert.waitFor();
  expect(await alert.textContent()).toContain('The release was refused. Solve these conflicts first:');
  expect(await alert.getByRole('listitem').allTextContents()).toEqual([
    '"Panel" (4 Mar 2027 13:00–14:00) and "Workshop" (4 Mar 2027 13:30–14:30) are both in Aula at the same time, times in Europe/Stockholm.',
  ]);
  expect(await page.getByRole('status').textContent()).toBe('');
  expect(await page.getByRole('region', { name: 'Earlier releases' }).textContent()).toContain('There is no release yet.');
  expect(await releasesOf('sydkonf-2027')).toEqual([]);
  expect(await axeViolations(page)).toEqual([]);
  expectOnlyCommittedOperations(session);
  await session.context.close();
});
