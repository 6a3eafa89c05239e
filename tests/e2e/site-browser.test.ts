import { mkdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { DateTime } from 'luxon';
import { Browser, BrowserContext, BrowserContextOptions, Page } from 'playwright-core';
import { DemoLoader } from '../../src/demo/demo-loader.service';
import { axeViolations, launchBrowser } from '../support/browser';
import { Lectern, startLectern } from '../support/lectern';

/**
 * The public programme site in a real browser (the Chromium that comes with the install), on the
 * demo programme: filters, stars, the agenda, languages, time zones, the pages without JavaScript,
 * screenshots, accessibility (axe-core, the keyboard) and narrow screens.
 *
 * The tests' tsconfig has no DOM library: what runs in the page is written as strings.
 */

const ROOT = join(__dirname, '..', '..');
const SCREENSHOTS = join(ROOT, 'test-output', 'site');
const WIDTHS = [1280, 390] as const;

/** The demo conference with the most sessions and tracks: four sessions, two tracks. */
const UMEA = 'umea-jobbhackathon-2016';
const LUNDIN = 'Hackathon som ett sätt att våga pröva';
const SANDSTROM = 'Offentliga tjänster byggda på öppna data och ekosystemtänkande';
const DANNEELS = 'VDAB: att bli en digital myndighet med ett ekosystem av partner';
/** Its one session: the panel of 19 August 2020 in Oslo, about 20 minutes (programme-facts.md, § 3). */
const TEKNOLOGI = 'teknologi-og-politikk-2020';

let lectern: Lectern;
let browser: Browser;
/** Every page type, by the name its screenshots get. */
let pages: Record<string, string>;

beforeAll(async () => {
  lectern = await startLectern();
  await lectern.app.get(DemoLoader).load();
  browser = await launchBrowser();
  mkdirSync(SCREENSHOTS, { recursive: true });
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto(`${lectern.url}/${UMEA}`);
  const lundin = await sessionItem(page, LUNDIN).getAttribute('data-session');
  await context.close();
  pages = {
    home: '/',
    'programme-list': `/${UMEA}`,
    'programme-grid': `/${UMEA}?view=grid`,
    session: `/${UMEA}/sessions/${lundin}`,
    'conference-speakers': `/${UMEA}/speakers`,
    speaker: '/speakers/erik-sandstrom',
    interview: '/interviews/fem-fragor-till-gregory-golding',
    agenda: `/${UMEA}/agenda`,
  };
});

afterAll(async () => {
  await browser?.close();
  await lectern?.close();
});

it('filters the programme by track and language through the form, in a shareable address', async () => {
  await withPage({}, async (page) => {
    await page.goto(`${lectern.url}/${UMEA}`);
    expect(await page.locator('li.session').count()).toBe(4);
    await page.selectOption('#filter-track', { label: 'Inspirationsföreläsningar' });
    await page.selectOption('#filter-language', 'sv');
    await Promise.all([page.waitForURL(/track=/), page.locator('form.filters button[type=submit]').click()]);

    const url = new URL(page.url());
    expect(url.searchParams.get('track')).toBe('inspiration');
    expect(url.searchParams.get('language')).toBe('sv');
    const shown = await shownSessions(page);
    expect(shown.map(({ title }) => title)).toEqual([LUNDIN, SANDSTROM]);
    for (const { facts } of shown) expect(facts).toEqual(expect.arrayContaining(['Inspirationsföreläsningar', 'svenska']));

    const shared = await page.context().newPage();
    await shared.goto(url.toString());
    expect(await shownSessions(shared)).toEqual(shown);
    expect(await shared.locator('#filter-track').inputValue()).toBe('inspiration');
    await shared.close();
  });
});

it('stars two sessions in place with JavaScript on; the agenda lists them and subscribes by a token of its own', async () => {
  await withPage({}, async (page) => {
    await page.goto(`${lectern.url}/${UMEA}`);
    await page.evaluate('window.stillThisPage = true');
    for (const title of [LUNDIN, DANNEELS]) {
      const star = sessionItem(page, title).locator('form.star button');
      await star.click();
      await expectAttribute(star, 'aria-pressed', 'true');
    }
    expect(await page.evaluate('window.stillThisPage')).toBe(true);
    await expectAttribute(sessionItem(page, SANDSTROM).locator('form.star button'), 'aria-pressed', 'false');

    const [cookie] = (await page.context().cookies()).filter(({ name }) => name === 'lectern_agenda');
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/' });

    await Promise.all([page.waitForURL(/\/agenda$/), page.getByRole('link', { name: 'Min agenda' }).click()]);
    expect((await shownSessions(page)).map(({ title }) => title)).toEqual([LUNDIN, DANNEELS]);
    for (const star of await page.locator('form.star button').all()) await expectAttribute(star, 'aria-pressed', 'true');

    const subscribe = await page.locator('.subscribe a.primary').getAttribute('href');
    const [, token] = subscribe!.match(/^webcal:\/\/[^/]+\/calendars\/agendas\/([A-Za-z0-9_-]+)\.ics(\?.*)?$/)!;
    expect(token).not.toBe(cookie.value);
    expect(subscribe).not.toContain(cookie.value);
  });
});

it('switches the interface to English with the language link', async () => {
  await withPage({}, async (page) => {
    await page.goto(`${lectern.url}/${UMEA}`);
    expect(await page.getAttribute('html', 'lang')).toBe('sv');
    await Promise.all([page.waitForURL(/lang=en/), page.locator('nav.languages a[hreflang="en"]').click()]);
    expect(await page.getAttribute('html', 'lang')).toBe('en');
    expect(await page.locator('.skip').innerText()).toBe('Skip to content');
    expect(await page.locator('label[for="filter-track"]').innerText()).toBe('Track');
    expect(await page.locator('.count').innerText()).toBe('4 sessions');
    expect(await page.getByRole('link', { name: 'My agenda' }).count()).toBe(1);
    expect(await page.locator('nav.languages [aria-current]').innerText()).toBe('English');
  });
});

it("shows the times in the browser's time zone on request, and back in the conference's", async () => {
  await withPage({ timezoneId: 'America/New_York' }, async (page) => {
    await page.goto(`${lectern.url}/${TEKNOLOGI}?lang=en`);
    const times = await timesOf(page);
    // The panel as the facts have it: 19 August 2020 in Oslo (UTC+2 then), 20 minutes.
    const [start, end] = times.map(({ datetime }) => DateTime.fromISO(datetime, { zone: 'Europe/Oslo' }));
    expect(start.toISODate()).toBe('2020-08-19');
    expect(start.offset).toBe(120);
    expect(end.diff(start, 'minutes').minutes).toBe(20);
    expect(times.map(({ text }) => text)).toEqual(times.map(({ datetime }) => clockIn(datetime, 'Europe/Oslo')));
    const note = page.locator('.zone-note .zone-text');
    expect(await note.innerText()).toBe("Times are in the conference's time zone, Europe/Oslo.");

    const zoneSwitch = page.locator('.zone-switch');
    await zoneSwitch.click();
    await expectText(note, 'Times are in your time zone, America/New_York.');
    expect((await timesOf(page)).map(({ text }) => text)).toEqual(times.map(({ datetime }) => clockIn(datetime, 'America/New_York')));
    expect(await zoneSwitch.getAttribute('aria-pressed')).toBe('true');

    await zoneSwitch.click();
    await expectText(note, "Times are in the conference's time zone, Europe/Oslo.");
    expect(await timesOf(page)).toEqual(times);
  });
});

it('works without JavaScript: reading, filtering, starring by form, the agenda and its subscribe links', async () => {
  await withPage({ javaScriptEnabled: false }, async (page) => {
    await page.goto(`${lectern.url}/${UMEA}`);
    expect(await shownSessions(page)).toHaveLength(4);
    expect(await page.locator('.zone-switch').getAttribute('hidden')).not.toBeNull();
    expect(await page.locator('.zone-switch').isVisible()).toBe(false);

    await page.selectOption('#filter-track', 'inspiration');
    await Promise.all([page.waitForURL(/track=inspiration/), page.locator('form.filters button[type=submit]').click()]);
    expect((await shownSessions(page)).map(({ title }) => title)).toEqual([LUNDIN, DANNEELS, SANDSTROM]);

    const filtered = page.url();
    await Promise.all([page.waitForNavigation(), sessionItem(page, SANDSTROM).locator('form.star button').click()]);
    expect(page.url()).toBe(filtered);
    const [cookie] = (await page.context().cookies()).filter(({ name }) => name === 'lectern_agenda');
    expect(cookie.httpOnly).toBe(true);

    await page.goto(`${lectern.url}/${UMEA}/agenda`);
    expect((await shownSessions(page)).map(({ title }) => title)).toEqual([SANDSTROM]);
    expect(await page.locator('.subscribe a.primary').getAttribute('href')).toMatch(
      /^webcal:\/\/[^/]+\/calendars\/agendas\/[\w-]+\.ics(\?.*)?$/,
    );
    expect(await page.locator('.subscribe a[download]').count()).toBe(1);
    expect(await page.locator('.zone-switch').isVisible()).toBe(false);
  });
});

it('takes a full-page screenshot of every page type at 1280 and 390 px', async () => {
  for (const width of WIDTHS) {
    await withPage({ viewport: { width, height: 900 } }, async (page) => {
      await starOne(page);
      for (const [name, path] of Object.entries(pages)) {
        await page.goto(`${lectern.url}${path}`);
        await page.waitForLoadState('networkidle');
        const file = join(SCREENSHOTS, `${name}-${width}.png`);
        await page.screenshot({ path: file, fullPage: true });
        expect(statSync(file).size).toBeGreaterThan(10_000);
      }
    });
  }
});

it('has no WCAG 2.1 A/AA violations (axe-core) on any page type, at 1280 and 390 px', async () => {
  const found: string[] = [];
  for (const width of WIDTHS) {
    await withPage({ viewport: { width, height: 900 } }, async (page) => {
      await starOne(page);
      for (const [name, path] of Object.entries(pages)) {
        await page.goto(`${lectern.url}${path}`);
        await page.waitForLoadState('networkidle');
        found.push(...(await axeViolations(page)).map((violation) => `${name} at ${width} px: ${violation}`));
      }
    });
  }
  expect(found).toEqual([]);
});

it('reaches every control of the programme by Tab, visibly, in document order, starting with the skip link', async () => {
  for (const path of [`/${UMEA}`, `/${UMEA}?view=grid`]) {
    await withPage({}, async (page) => {
      await page.goto(`${lectern.url}${path}`);
      await page.waitForLoadState('networkidle');
      const controls = (await page.evaluate(`(() => {
        const all = [...document.querySelectorAll(${JSON.stringify(CONTROLS)})];
        all.forEach((element, index) => element.setAttribute('data-control', String(index)));
        return all.length;
      })()`)) as number;
      if (path.includes('grid')) expect(await page.locator('.grid-scroll[tabindex="0"]').count()).toBeGreaterThan(0);

      const reached: number[] = [];
      for (let press = 0; press <= controls + 2; press++) {
        await page.keyboard.press('Tab');
        const focused = (await page.evaluate('document.activeElement && document.activeElement.getAttribute("data-control")')) as
          string | null;
        if (focused === null || (reached.length > 0 && Number(focused) === reached[0])) break;
        reached.push(Number(focused));
        const box = await page.locator(`[data-control="${focused}"]`).boundingBox();
        expect(box && box.width > 0 && box.height > 0).toBe(true);
      }
      expect(reached).toEqual([...Array(controls).keys()]);

      // The skip link is the first focus and moves focus to the main content.
      await page.goto(`${lectern.url}${path}`);
      await page.keyboard.press('Tab');
      expect(await page.evaluate('document.activeElement.className')).toBe('skip');
      await page.keyboard.press('Enter');
      expect(await page.evaluate('document.activeElement.id')).toBe('main');
      await page.keyboard.press('Tab');
      expect(await page.evaluate('document.activeElement.closest("main") !== null')).toBe(true);
    });
  }
});

it('fits a 390 px screen: the list never scrolls sideways, the grid scrolls inside its own container', async () => {
  await withPage({ viewport: { width: 390, height: 800 } }, async (page) => {
    await page.goto(`${lectern.url}/${UMEA}`);
    expect(await page.evaluate('document.documentElement.scrollWidth')).toBeLessThanOrEqual(391);

    await page.goto(`${lectern.url}/${UMEA}?view=grid`);
    expect(await page.evaluate('document.documentElement.scrollWidth')).toBeLessThanOrEqual(391);
    expect(await page.evaluate('getComputedStyle(document.querySelector(".grid-scroll")).overflowX')).toBe('auto');
    // The demo has one room; a timetable of six rooms is as wide as a real one gets.
    await page.evaluate(`document.querySelectorAll('.grid tr').forEach((row) => {
      for (let i = 0; i < 5; i++) row.appendChild(row.lastElementChild.cloneNode(true));
    })`);
    expect(await page.evaluate('document.documentElement.scrollWidth')).toBeLessThanOrEqual(391);
    const scroll = (await page.evaluate(`(() => {
      const box = document.querySelector('.grid-scroll');
      return { scrollWidth: box.scrollWidth, clientWidth: box.clientWidth };
    })()`)) as { scrollWidth: number; clientWidth: number };
    expect(scroll.clientWidth).toBeLessThanOrEqual(390);
    expect(scroll.scrollWidth).toBeGreaterThan(scroll.clientWidth);
  });
});

it('asks no other host for anything and logs no console error or CSP violation on any page', async () => {
  const requests: string[] = [];
  const problems: string[] = [];
  await withPage({ timezoneId: 'America/New_York' }, async (page) => {
    page.on('request', (request) => requests.push(request.url()));
    page.on('console', (message) => ['error', 'warning'].includes(message.type()) && problems.push(message.text()));
    page.on('pageerror', (error) => problems.push(error.message));
    await starOne(page);
    for (const path of Object.values(pages)) {
      await page.goto(`${lectern.url}${path}`);
      await page.waitForLoadState('networkidle');
      const zoneSwitch = page.locator('.zone-switch');
      if ((await zoneSwitch.count()) > 0) await zoneSwitch.first().click();
    }
  });
  expect(requests.length).toBeGreaterThan(Object.keys(pages).length);
  expect(requests.filter((url) => new URL(url).origin !== lectern.url)).toEqual([]);
  expect(problems).toEqual([]);
});

// ---- helpers ----

/** Everything a keyboard user should reach on a page. */
const CONTROLS = 'a[href], button:not([hidden]), select, input:not([type=hidden]), [tabindex="0"]';

/** A page in a context of its own (its own cookies), Swedish unless told, closed whatever happens. */
async function withPage(options: BrowserContextOptions, run: (page: Page) => Promise<void>): Promise<void> {
  const context: BrowserContext = await browser.newContext({ locale: 'sv-SE', ...options });
  try {
    await run(await context.newPage());
  } finally {
    await context.close();
  }
}

function sessionItem(page: Page, title: string) {
  return page.locator('li.session').filter({ has: page.locator('.title', { hasText: title }) });
}

/** The sessions a list shows: their titles and the facts line (room, track, format, language). */
async function shownSessions(page: Page): Promise<{ title: string; facts: string[] }[]> {
  const shown = [];
  for (const item of await page.locator('li.session').all()) {
    shown.push({
      title: (await item.locator('.title a').innerText()).trim(),
      facts: (await item.locator('.facts').innerText()).split(' · ').map((fact) => fact.trim()),
    });
  }
  return shown;
}

/** Stars Lundin's talk in this page's context, so its agenda page has something to show. */
async function starOne(page: Page): Promise<void> {
  await page.goto(`${lectern.url}/${UMEA}`);
  const star = sessionItem(page, LUNDIN).locator('form.star button');
  await star.click();
  await expectAttribute(star, 'aria-pressed', 'true');
}

async function timesOf(page: Page): Promise<{ datetime: string; text: string }[]> {
  const times = [];
  for (const time of await page.locator('main time[data-format="time"]').all())
    times.push({ datetime: (await time.getAttribute('datetime'))!, text: (await time.innerText()).trim() });
  expect(times.length).toBeGreaterThan(0);
  return times;
}

function clockIn(instant: string, zone: string): string {
  return DateTime.fromISO(instant, { zone }).toFormat('HH:mm');
}

/** Waits (Playwright's own wait) until the attribute has the value; fails with what it has otherwise. */
async function expectAttribute(locator: ReturnType<Page['locator']>, name: string, value: string): Promise<void> {
  await locator.and(locator.page().locator(`[${name}="${value}"]`)).waitFor({ timeout: 5000 });
}

async function expectText(locator: ReturnType<Page['locator']>, text: string): Promise<void> {
  await locator.filter({ hasText: text }).waitFor({ timeout: 5000 });
  expect(await locator.innerText()).toBe(text);
}
