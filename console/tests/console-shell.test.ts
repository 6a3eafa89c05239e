import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { Browser } from 'playwright-core';
import { axeViolations, launchBrowser } from '../../tests/support/browser';
import { builtConsole, expectOnlyCommittedOperations, openConsole, signInWithToken } from '../../tests/support/console';
import { Lectern, startLectern } from '../../tests/support/lectern';

/**
 * The console's shell in a real browser: served with a strict CSP and caching, small on first
 * load, signed in by a pasted token into an HttpOnly cookie session, in three languages, and
 * speaking to Lectern only in the GraphQL operations committed in console/src.
 */

const SCREENSHOTS = join(__dirname, '..', '..', 'test-output', 'console');
const FIRST_LOAD_LIMIT = 300 * 1024;

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

it('is served with a strict CSP, its page checked every time and its files kept for a year', async () => {
  const page = await fetch(`${lectern.url}/console/conferences/some-conference`);
  expect(page.status).toBe(200);
  expect(page.headers.get('cache-control')).toBe('no-cache');
  const csp = page.headers.get('content-security-policy') ?? '';
  expect(csp).toContain("script-src 'self'");
  expect(csp).toContain("frame-ancestors 'none'");
  expect(csp).not.toContain('unsafe-inline');
  const html = await page.text();
  const script = /src="(\/console\/assets\/[^"]+\.js)"/.exec(html)?.[1];
  expect(script).toBeDefined();
  const asset = await fetch(lectern.url + script);
  expect(asset.status).toBe(200);
  expect(asset.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
  expect(asset.headers.get('content-type')).toMatch(/^text\/javascript/);
  expect((await fetch(`${lectern.url}/console/assets/..%2Fpackage.json`)).status).toBe(404);
  expect((await fetch(`${lectern.url}/console/assets/nothing.js`)).status).toBe(404);
});

it('loads under 300 KB of compressed JavaScript at first', async () => {
  const context = await browser.newContext();
  const page = await context.newPage();
  const scripts = new Map<string, number>();
  page.on('response', async (response) => {
    if (response.url().endsWith('.js')) scripts.set(response.url(), gzipSync(await response.body(), { level: 9 }).length);
  });
  await page.goto(`${lectern.url}/console/`);
  await page.getByRole('heading', { name: 'Sign in' }).waitFor();
  await page.waitForLoadState('networkidle');
  const total = [...scripts.values()].reduce((sum, size) => sum + size, 0);
  console.log(`The console's first load: ${(total / 1024).toFixed(1)} KB of JavaScript, gzip -9 (${scripts.size} files).`);
  expect(total).toBeGreaterThan(0);
  expect(total).toBeLessThan(FIRST_LOAD_LIMIT);
  await context.close();
});

it('signs an organiser in by a pasted token, keeps the session in an HttpOnly cookie and signs them out', async () => {
  const session = await openConsole(browser, lectern);
  const { page } = session;
  await page.getByRole('heading', { name: 'Sign in' }).waitFor();
  expect(await axeViolations(page)).toEqual([]);
  await page.screenshot({ path: join(SCREENSHOTS, 'sign-in.png') });

  await page.getByLabel('Access token', { exact: true }).fill('lectern_not-a-real-token');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.locator('.problem').waitFor();
  expect(await page.getByRole('button', { name: 'Sign out' }).count()).toBe(0);

  await signInWithToken(page, lectern.adminToken);
  await page.getByRole('heading', { name: 'Your conferences' }).waitFor();
  const cookies = await session.context.cookies();
  const cookie = cookies.find((candidate) => candidate.name === 'lectern_organiser');
  expect(cookie).toMatchObject({ httpOnly: true });
  expect(['Strict', 'Lax']).toContain(cookie?.sameSite);
  expect(await page.evaluate(() => document.cookie)).not.toContain('lectern_organiser');
  // The token itself is nowhere the page's scripts can read it back.
  const stored = await page.evaluate(() => JSON.stringify({ ...localStorage }) + JSON.stringify({ ...sessionStorage }));
  expect(stored).not.toContain(lectern.adminToken);

  // A reload keeps them signed in: the cookie is the session.
  await page.reload();
  await page.getByRole('heading', { name: 'Your conferences' }).waitFor();

  await page.getByRole('button', { name: 'Sign out' }).click();
  await page.getByRole('heading', { name: 'Sign in' }).waitFor();
  // The old cookie signs nothing in any more.
  const answer = await lectern.graphql('{ viewer { role } }', {}, { headers: { cookie: `lectern_organiser=${cookie?.value}` } });
  expect(answer.data?.viewer.role).toBe('PUBLIC');
  expectOnlyCommittedOperations(session);
  await session.context.close();
});

it('creates a conference, says which field is wrong, and publishes it', async () => {
  const session = await openConsole(browser, lectern);
  const { page } = session;
  await signInWithToken(page, lectern.adminToken);
  await page.getByRole('link', { name: 'New conference' }).click();
  await page.getByRole('heading', { name: 'New conference' }).waitFor();
  await page.getByLabel('Name', { exact: true }).fill('Nordic Open Data Day 2027');
  await page.getByLabel('Address name').fill('Nordic Open Data Day');
  await page.getByLabel('First day').fill('2027-03-04');
  await page.getByLabel('Last day').fill('2027-03-05');
  await page.getByLabel('Time zone').selectOption('Europe/Oslo');
  await page.getByLabel('Default language', { exact: true }).selectOption('nb');
  await page.getByLabel('City').fill('Oslo');
  await page.getByLabel('Languages it publishes in').fill('en, se');
  await page.getByRole('button', { name: 'Create conference' }).click();

  // The server's message appears at the field it names, and nothing was created.
  const slugProblem = page.locator('.field-invalid', { has: page.getByLabel('Address name') }).locator('.problem');
  await slugProblem.waitFor();
  expect(await slugProblem.textContent()).toMatch(/lower-case letters/);
  expect(await page.getByLabel('Address name').getAttribute('aria-invalid')).toBe('true');
  expect(await axeViolations(page)).toEqual([]);
  await page.screenshot({ path: join(SCREENSHOTS, 'conference-invalid.png') });
  const before = await lectern.graphql('{ conference(slug: "nordic-open-data-day-2027") { id } }', {}, { as: 'organiser' });
  expect(before.errors?.[0].extensions?.code).toBe('NOT_FOUND');

  await page.getByLabel('Address name').fill('nordic-open-data-day-2027');
  await page.getByRole('button', { name: 'Create conference' }).click();
  await page.getByRole('heading', { name: 'Nordic Open Data Day 2027' }).waitFor();
  expect(new URL(page.url()).pathname).toBe('/console/conferences/nordic-open-data-day-2027');

  await page.getByLabel('Venue').fill('Deichman Bjørvika');
  await page.getByRole('button', { name: 'Save' }).click();
  await page.getByRole('status').filter({ hasText: 'Saved.' }).waitFor();
  await page.getByRole('button', { name: 'Publish' }).click();
  await page.getByRole('button', { name: 'Unpublish' }).waitFor();
  await page.screenshot({ path: join(SCREENSHOTS, 'conference.png') });

  const { conference } = await lectern.ok(
    '{ conference(slug: "nordic-open-data-day-2027") { name venue city timeZone defaultLocale locales status } }',
  );
  expect(conference).toEqual({
    name: 'Nordic Open Data Day 2027',
    venue: 'Deichman Bjørvika',
    city: 'Oslo',
    timeZone: 'Europe/Oslo',
    defaultLocale: 'nb',
    locales: ['nb', 'en', 'se'],
    status: 'PUBLISHED',
  });

  await page.getByRole('link', { name: 'Conferences' }).click();
  await page.getByRole('link', { name: 'Nordic Open Data Day 2027' }).waitFor();
  expect(await axeViolations(page)).toEqual([]);
  expectOnlyCommittedOperations(session);
  await session.context.close();
});

it('speaks Swedish and Norwegian when the organiser chooses them, and remembers the choice', async () => {
  const session = await openConsole(browser, lectern);
  const { page } = session;
  await page.getByLabel('Language').selectOption('sv');
  await page.getByRole('heading', { name: 'Logga in' }).waitFor();
  expect(await page.evaluate(() => document.documentElement.lang)).toBe('sv');
  await page.getByLabel('Åtkomsttoken', { exact: true }).fill(lectern.adminToken);
  await page.getByRole('button', { name: 'Logga in' }).click();
  await page.getByRole('heading', { name: 'Dina konferenser' }).waitFor();
  await page.reload();
  await page.getByRole('heading', { name: 'Dina konferenser' }).waitFor();
  await page.getByLabel('Språk').selectOption('nb');
  await page.getByRole('heading', { name: 'Konferansene dine' }).waitFor();
  expect(await axeViolations(page)).toEqual([]);
  expectOnlyCommittedOperations(session);
  await session.context.close();
});

it('fits a laptop screen of 1280 × 720 and every control is reached by the keyboard', async () => {
  const session = await openConsole(browser, lectern);
  const { page } = session;
  await signInWithToken(page, lectern.adminToken);
  await page.getByRole('link', { name: 'New conference' }).click();
  await page.getByLabel('Name', { exact: true }).waitFor();
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(1280);
  const controls = await page.locator('main input, main select, main textarea, main button').count();
  const reached = new Set<string>();
  for (let step = 0; step < controls + 20; step++) {
    await page.keyboard.press('Tab');
    const focused = await page.evaluate(() => {
      const element = document.activeElement as HTMLElement | null;
      return element && element.closest('main') ? `${element.tagName}#${element.id}:${element.textContent?.slice(0, 20)}` : null;
    });
    if (focused) reached.add(focused);
  }
  expect(reached.size).toBe(controls);
  expectOnlyCommittedOperations(session);
  await session.context.close();
});
