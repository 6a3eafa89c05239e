import { readFileSync, mkdirSync, statSync } from 'node:fs';
import { createServer, Server } from 'node:http';
import { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { Browser } from 'playwright-core';
import { APP_CONFIG, AppConfig } from '../../src/config/configuration';
import { DemoLoader } from '../../src/demo/demo-loader.service';
import { launchBrowser } from '../support/browser';
import { Lectern, startLectern } from '../support/lectern';

/**
 * Real pages in a real browser (the Chromium that comes with the install), served from another origin than Lectern's:
 * proof that a website can read the JSON API and embed the speaker wall across origins.
 */

const FIXTURES = join(__dirname, 'fixtures');
const SCREENSHOTS = join(__dirname, '..', '..', 'test-output', 'website');

let lectern: Lectern;
let site: Server;
let siteUrl: string;
let browser: Browser;

beforeAll(async () => {
  lectern = await startLectern();
  await lectern.app.get(DemoLoader).load();
  // The website: static pages only, on a port (so an origin) of its own.
  site = createServer((request, response) => {
    const page = { '/speaker.html': 'website-speaker.html', '/wall.html': 'website-wall.html' }[
      new URL(request.url!, 'http://site').pathname
    ];
    if (!page) return void response.writeHead(404).end();
    response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(readFileSync(join(FIXTURES, page)));
  });
  await new Promise<void>((resolve) => site.listen(0, '127.0.0.1', resolve));
  siteUrl = `http://127.0.0.1:${(site.address() as AddressInfo).port}`;
  browser = await launchBrowser();
  mkdirSync(SCREENSHOTS, { recursive: true });
});

afterAll(async () => {
  await browser?.close();
  await new Promise((resolve) => site?.close(resolve));
  await lectern?.close();
});

it("renders a speaker's bio fetched from the JSON API by a page on another origin", async () => {
  const page = await browser.newPage({ locale: 'sv-SE' });
  const failures: string[] = [];
  page.on('console', (message) => message.type() === 'error' && failures.push(message.text()));
  await page.goto(`${siteUrl}/speaker.html?api=${encodeURIComponent(lectern.url)}&slug=erik-sandstrom`);
  await page.waitForSelector('#speaker[aria-busy="false"]');
  expect(new URL(page.url()).origin).not.toBe(new URL(lectern.url).origin);

  expect(await page.locator('.speaker__name').innerText()).toBe('Erik Sandström');
  expect(await page.locator('.speaker__affiliation').innerText()).toBe('digitaliseringsdirektör, Arbetsförmedlingen');
  expect(await page.locator('.speaker__bio p').innerText()).toContain('Erik Sandström har haft flera ledande roller inom digitalisering');
  expect(await page.locator('.speaker__sessions li').allInnerTexts()).toEqual([
    expect.stringContaining('Offentliga tjänster byggda på öppna data och ekosystemtänkande'),
    expect.stringContaining('Att starta en positiv rörelse mot innovation'),
  ]);
  expect(failures).toEqual([]);

  const screenshot = join(SCREENSHOTS, 'speaker-erik-sandstrom.png');
  await page.screenshot({ path: screenshot, fullPage: true });
  expect(statSync(screenshot).size).toBeGreaterThan(1000);
  await page.close();
});

it("follows the browser's language: an English browser gets the English bio", async () => {
  const page = await browser.newPage({ locale: 'en-GB' });
  await page.goto(`${siteUrl}/speaker.html?api=${encodeURIComponent(lectern.url)}&slug=erik-sandstrom`);
  await page.waitForSelector('#speaker[aria-busy="false"]');
  expect(await page.locator('#speaker').getAttribute('lang')).toBe('en');
  expect(await page.locator('.speaker__bio').innerText()).toContain('held several leading digital roles at Arbetsförmedlingen');
  await page.close();
});

it('embeds the speaker wall of a conference in a page on another origin', async () => {
  const page = await browser.newPage({ locale: 'nb-NO' });
  await page.goto(`${siteUrl}/wall.html?api=${encodeURIComponent(lectern.url)}&conference=teknologi-og-politikk-2020`);
  await page.waitForSelector('#lectern-wall[aria-busy="false"]');

  expect(await page.locator('.lectern-speaker-wall__heading').innerText()).toBe('Foredragsholdere – Teknologi og politikk 2020');
  expect(await page.locator('.lectern-speaker__name').allInnerTexts()).toEqual(['Eirik Løkke', 'Pia Jøsendal', 'Tore Sandvik']);
  const tore = page.locator('.lectern-speaker[data-speaker="tore-sandvik"]');
  expect(await tore.locator('.lectern-speaker__bio').innerText()).toContain('fylkesordfører i Trøndelag');
  expect(await tore.locator('.lectern-session__calendar').innerText()).toBe('Legg til i kalenderen');

  const screenshot = join(SCREENSHOTS, 'speaker-wall-teknologi-og-politikk-2020.png');
  await page.screenshot({ path: screenshot, fullPage: true });
  expect(statSync(screenshot).size).toBeGreaterThan(1000);
  await page.close();
});

it("dresses the speaker wall in Lectern's stylesheet with ?style=default, on a 360 px screen", async () => {
  const page = await browser.newPage({ locale: 'nb-NO', viewport: { width: 360, height: 640 } });
  // The fragment links the stylesheet at PUBLIC_BASE_URL, which in tests is not where this server listens.
  const stylesheet = `${lectern.app.get<AppConfig>(APP_CONFIG).publicBaseUrl}/embed/embed.css`;
  await page.route(stylesheet, async (route) => route.fulfill({ response: await route.fetch({ url: `${lectern.url}/embed/embed.css` }) }));
  const fragment = await fetch(`${lectern.url}/embed/conferences/teknologi-og-politikk-2020/speakers?style=default`);
  // setContent waits for the page's load event, which waits for the stylesheet.
  await page.setContent(`<!doctype html><html lang="nb"><head><meta charset="utf-8"></head><body>${await fragment.text()}</body></html>`);

  // The title and the links have lines of their own (their separators hidden); the other parts keep theirs.
  const row = page.locator('.lectern-speaker[data-speaker="tore-sandvik"] .lectern-session').first();
  expect(await row.innerText()).toMatch(
    /^Innovasjon i privat og offentlig sektor\n+Teknologi og politikk 2020 · .+ · Paneldeltaker.*\n+Legg til/s,
  );
  // Nothing wider than the screen.
  for (const part of await page.locator('.lectern-speaker, .lectern-session, .lectern-session__add').all()) {
    const box = (await part.boundingBox())!;
    expect(box.x + box.width).toBeLessThanOrEqual(360);
  }

  const screenshot = join(SCREENSHOTS, 'speaker-wall-teknologi-og-politikk-2020-default-style-360.png');
  await page.screenshot({ path: screenshot, fullPage: true });
  expect(statSync(screenshot).size).toBeGreaterThan(1000);
  await page.close();
});
