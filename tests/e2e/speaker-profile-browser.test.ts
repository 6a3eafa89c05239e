import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { Browser, Page } from 'playwright-core';
import { axeViolations, launchBrowser } from '../support/browser';
import { rowId } from '../support/ids';
import { Lectern, startLectern } from '../support/lectern';
import { programmeBuilder } from '../support/programme';
import { signInSpeaker, SignedInSpeaker } from '../support/speakers';

/** The speaker's profile page in a real browser: its forms without JavaScript, and no WCAG 2.1 A/AA violation (axe-core). */
const SCREENSHOTS = join(__dirname, '..', '..', 'test-output', 'speakers');

let lectern: Lectern;
let browser: Browser;
let session: SignedInSpeaker;

beforeAll(async () => {
  lectern = await startLectern();
  const build = programmeBuilder(lectern);
  const conference = await build.conference({
    name: 'Internetdagarna',
    timeZone: 'Europe/Stockholm',
    defaultLocale: 'sv',
    published: true,
  });
  const karin = await build.speaker({ conference, name: 'Karin Berg', bio: { sv: 'Karin leder digitaliseringen.' } });
  await build.session(conference, {
    title: 'Öppna data',
    speakers: [{ speaker: karin, title: 'utvecklare', organisation: 'Kommunen' }],
    published: true,
  });
  session = await signInSpeaker(lectern, rowId(karin.id));
  browser = await launchBrowser();
  mkdirSync(SCREENSHOTS, { recursive: true });
});

afterAll(async () => {
  await browser?.close();
  await lectern?.close();
});

/** axe-core needs the page's script engine (its timers); the forms themselves need none. */
async function signedInPage(width: number, javaScriptEnabled = true): Promise<Page> {
  const context = await browser.newContext({ javaScriptEnabled, viewport: { width, height: 900 } });
  const [name, value] = session.cookie.split('=');
  await context.addCookies([{ name, value, url: lectern.url, httpOnly: true, sameSite: 'Lax' }]);
  return context.newPage();
}

it('has no WCAG 2.1 A/AA violations, as shown, with a preview, and with errors beside the fields, at 1280 and 390 px', async () => {
  const found: string[] = [];
  for (const width of [1280, 390]) {
    const page = await signedInPage(width);
    await page.goto(`${lectern.url}/me?lang=en`);
    found.push(...(await axeViolations(page)).map((violation) => `shown at ${width} px: ${violation}`));
    await page.screenshot({ path: join(SCREENSHOTS, `profile-${width}.png`), fullPage: true });

    await page.fill('#bio-en', 'Karin leads **open data**.');
    await Promise.all([page.waitForNavigation(), page.click('button[value=preview]')]);
    expect(await page.locator('.portal-preview strong').innerText()).toBe('open data');
    found.push(...(await axeViolations(page)).map((violation) => `preview at ${width} px: ${violation}`));

    await page.fill('#link0Label', 'Blogg');
    await page.fill('#link0Url', 'ftp://karin.example.org');
    await Promise.all([page.waitForNavigation(), page.click('button[value=save]')]);
    expect(await page.locator('#link0Url-error').innerText()).toMatch(/http/);
    found.push(...(await axeViolations(page)).map((violation) => `refused at ${width} px: ${violation}`));
    await page.screenshot({ path: join(SCREENSHOTS, `profile-refused-${width}.png`), fullPage: true });
    await page.context().close();
  }
  expect(found).toEqual([]);
});

it('saves through the form without JavaScript and shows the change waiting for review', async () => {
  const page = await signedInPage(1280, false);
  await page.goto(`${lectern.url}/me?lang=en`);
  await page.fill('#bio-en', 'Karin leads open data.');
  await Promise.all([page.waitForNavigation(), page.click('button[value=save]')]);
  expect(new URL(page.url()).search).toBe('?done=pending&lang=en');
  expect(await page.locator('[data-status=PENDING]').innerText()).toContain('Karin leads open data.');
  await page.context().close();
});
