import { mkdirSync } from 'node:fs';
import { AddressInfo, createServer } from 'node:net';
import { join } from 'node:path';
import { Browser } from 'playwright-core';
import { axeViolations, launchBrowser } from '../../tests/support/browser';
import { builtConsole, expectOnlyCommittedOperations, openConsole, signInWithToken } from '../../tests/support/console';
import { Lectern, startLectern } from '../../tests/support/lectern';

/**
 * Importing a schedule document from the console (a dry run first, then the import), and the
 * conference's export addresses.
 */

const SCREENSHOTS = join(__dirname, '..', '..', 'test-output', 'console');
const SAMPLE = '/work/shared/schedule-formats/samples/voc-pretalx-democon.json';
/** The sample's events, counted in its days' rooms. */
const SAMPLE_SESSIONS = 36;

let lectern: Lectern;
let browser: Browser;

/** A port free now, so that PUBLIC_BASE_URL can name the address the server is reached at. */
async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

beforeAll(async () => {
  const port = await freePort();
  lectern = await startLectern({ CONSOLE_DIR: builtConsole(), PORT: String(port), PUBLIC_BASE_URL: `http://127.0.0.1:${port}` });
  browser = await launchBrowser();
  mkdirSync(SCREENSHOTS, { recursive: true });
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await lectern?.close();
});

const organiser = (query: string, variables: Record<string, unknown> = {}) => lectern.ok(query, variables, { as: 'organiser' });

/** An empty, published conference on the sample's days. */
async function emptyConference(slug: string) {
  const { createConference } = await organiser(`mutation ($input: CreateConferenceInput!) { createConference(input: $input) { id } }`, {
    input: { slug, name: 'DemoCon', startDate: '2020-12-14', endDate: '2020-12-16', timeZone: 'UTC', defaultLocale: 'en' },
  });
  await organiser(`mutation ($id: ID!) { publishConference(input: { id: $id }) { id } }`, { id: createConference.id });
}

const programmeOf = async (slug: string) => {
  const {
    sessions,
    conference,
  }: { sessions: { totalCount: number; edges: { node: { title: string } }[] }; conference: { rooms: { name: string }[] } } =
    await organiser(
      `query ($slug: String!) { sessions(conferenceSlug: $slug, first: 100) { totalCount edges { node { title } } }
      conference(slug: $slug) { rooms { name } } }`,
      { slug },
    );
  return {
    sessions: sessions.totalCount,
    titles: sessions.edges.map((edge) => edge.node.title),
    rooms: conference.rooms.map((room) => room.name),
  };
};

async function signedIn(slug: string) {
  const session = await openConsole(browser, lectern);
  await signInWithToken(session.page, lectern.adminToken);
  await session.page.goto(`${lectern.url}/console/conferences/${slug}/exchange`);
  await session.page.getByRole('heading', { name: 'Import and export', level: 1 }).waitFor();
  return session;
}

it('imports a pretalx schedule.json picked as a file: the dry run reports and changes nothing, the import creates the sessions', async () => {
  await emptyConference('democon');
  const session = await signedIn('democon');
  const { page } = session;
  expect(await page.getByRole('link', { name: 'Import and export' }).getAttribute('aria-current')).toBe('page');

  await page.getByLabel('Document file').setInputFiles(SAMPLE);
  await page.waitForFunction(`document.querySelector('textarea').value.includes('"DemoCon"')`);
  // The file says what it is; the organiser confirms the format.
  expect(await page.getByLabel('Format').inputValue()).toBe('SCHEDULE_JSON');
  await page.getByLabel('Format').selectOption({ label: 'schedule.json (c3voc, pretalx)' });
  await page.getByRole('button', { name: 'Try it (dry run)' }).click();

  const report = page.getByRole('region', { name: 'What the import would do' });
  await report.waitFor();
  expect(
    await report
      .getByRole('row', { name: /^Sessions/ })
      .getByRole('cell')
      .allTextContents(),
  ).toEqual([String(SAMPLE_SESSIONS), '0', '0']);
  expect(
    await report
      .getByRole('row', { name: /^Rooms/ })
      .getByRole('cell')
      .first()
      .textContent(),
  ).not.toBe('0');
  const warnings = report.getByRole('table').filter({ has: page.getByRole('columnheader', { name: 'Where in the document' }) });
  expect(await warnings.textContent()).toContain('guid is shared with another room');
  expect(await programmeOf('democon')).toEqual({ sessions: 0, titles: [], rooms: [] });
  expect(await axeViolations(page)).toEqual([]);

  await page.getByRole('button', { name: 'Import for real' }).click();
  await page
    .getByRole('status')
    .filter({ hasText: `Imported: ${SAMPLE_SESSIONS} sessions new, 0 changed.` })
    .waitFor();
  await page.getByRole('region', { name: 'What the import did' }).waitFor();
  expect(await page.getByRole('button', { name: 'Import for real' }).count()).toBe(0);
  const imported = await programmeOf('democon');
  expect(imported.sessions).toBe(SAMPLE_SESSIONS);
  expect(imported.titles).toContain('Focused 5thgeneration hardware');
  expect(imported.rooms).toEqual(expect.arrayContaining(['Gray Room', 'Tan Room']));
  expect(await axeViolations(page)).toEqual([]);
  await page.screenshot({ path: join(SCREENSHOTS, 'exchange.png'), fullPage: true });
  expectOnlyCommittedOperations(session);
  await session.context.close();
});

it('names the problem of a malformed document, offers no import of it, and changes nothing', async () => {
  await emptyConference('tom');
  const session = await signedIn('tom');
  const { page } = session;
  await page.getByLabel('Or paste the document').fill('{"schedule": ');
  await page.getByLabel('Format').selectOption('SCHEDULE_JSON');
  await page.getByRole('button', { name: 'Try it (dry run)' }).click();

  const alert = page.getByRole('alert');
  await alert.waitFor();
  expect(await alert.textContent()).toContain('The document was not imported, and nothing was changed:');
  expect(await alert.getByRole('listitem').textContent()).toMatch(/not JSON/);
  // The field it blames says so too.
  const field = page.locator('.field-invalid', { has: page.getByLabel('Or paste the document') });
  expect(await field.locator('.problem').textContent()).toMatch(/not JSON/);
  expect(await page.getByLabel('Or paste the document').getAttribute('aria-invalid')).toBe('true');
  expect(await page.getByRole('button', { name: 'Import for real' }).count()).toBe(0);
  expect(await page.getByRole('region', { name: 'What the import would do' }).count()).toBe(0);
  expect(await programmeOf('tom')).toEqual({ sessions: 0, titles: [], rooms: [] });
  expect(await axeViolations(page)).toEqual([]);
  expectOnlyCommittedOperations(session);
  await session.context.close();
});

it('says so when a document is larger than the server takes in one request, and changes nothing', async () => {
  await emptyConference('stor');
  const session = await signedIn('stor');
  const { page } = session;
  // A schedule.json of some 1.2 MB: past the 1 MiB the server takes by default (MAX_BODY_BYTES).
  const big = JSON.stringify({ schedule: { conference: { title: 'x'.repeat(1_200_000), days: [] } } });
  await page.getByLabel('Document file').setInputFiles({ name: 'stor.json', mimeType: 'application/json', buffer: Buffer.from(big) });
  await page.waitForFunction(`document.querySelector('textarea').value.length > 1000000`);
  await page.getByRole('button', { name: 'Try it (dry run)' }).click();
  const alert = page.getByRole('alert');
  await alert.waitFor();
  expect(await alert.getByRole('listitem').textContent()).toBe(
    'The document (1.2 MB) is larger than this server takes in one request. Import it with the command line, which reads the file itself, or ask the server’s operator to raise MAX_BODY_BYTES.',
  );
  expect(await page.getByLabel('Or paste the document').getAttribute('aria-invalid')).toBe('true');
  expect(await programmeOf('stor')).toEqual({ sessions: 0, titles: [], rooms: [] });
  // The browser logs the refused request itself; nothing else went wrong.
  session.problems = session.problems.filter((problem) => !problem.includes('413'));
  expectOnlyCommittedOperations(session);
  await session.context.close();
});

it('links every export of the conference, each by its format’s name, and each answers the public', async () => {
  const session = await signedIn('democon');
  const { page } = session;
  const links = page.getByRole('region', { name: 'Exports' }).getByRole('link');
  expect(await links.allTextContents()).toEqual([
    'Schedule XML (frab/Pentabarf)',
    'schedule.json (c3voc, version 1)',
    'schedule2 JSON (c3voc)',
    'xCal (XML calendar, RFC 6321)',
    'Sessions as CSV',
    'Speakers as CSV',
  ]);
  const { conference } = await organiser(
    `{ conference(slug: "democon") { exports { scheduleXml scheduleJson schedule2Json xcal sessionsCsv speakersCsv } } }`,
  );
  const hrefs = await links.evaluateAll((anchors) => anchors.map((anchor) => (anchor as HTMLAnchorElement).href));
  expect(hrefs).toEqual(Object.values(conference.exports));
  // Public addresses: fetched without the organiser's cookie, as a conference app would.
  for (const href of hrefs) {
    expect(href.startsWith(`${lectern.url}/exports/conferences/democon/`)).toBe(true);
    const response = await fetch(href);
    expect({ href, status: response.status }).toEqual({ href, status: 200 });
    expect((await response.text()).length).toBeGreaterThan(0);
  }
  const xml = await (await fetch(hrefs[0])).text();
  expect(xml).toContain('Focused 5thgeneration hardware');

  // The links can name the live programme, whatever readers follow.
  const programme = page.getByLabel('Which programme the links give');
  expect(await programme.inputValue()).toBe('');
  expect(await programme.locator('option').allTextContents()).toEqual(['What readers follow: the live programme', 'The live programme']);
  await programme.selectOption({ label: 'The live programme' });
  await page.waitForFunction(() =>
    [...document.querySelectorAll<HTMLAnchorElement>('.export-links a')].every((anchor) => anchor.href.endsWith('?release=live')),
  );
  const live = await links.evaluateAll((anchors) => anchors.map((anchor) => (anchor as HTMLAnchorElement).href));
  expect(live).toEqual(hrefs.map((href) => `${href}?release=live`));
  for (const href of live) expect({ href, status: (await fetch(href)).status }).toEqual({ href, status: 200 });
  expect(await axeViolations(page)).toEqual([]);
  expectOnlyCommittedOperations(session);
  await session.context.close();
});
