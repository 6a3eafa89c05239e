import { mkdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { Browser, Page } from 'playwright-core';
import { DemoLoader } from '../../src/demo/demo-loader.service';
import { launchBrowser } from '../support/browser';
import { Lectern, startLectern } from '../support/lectern';

/**
 * GraphiQL in a real browser (the Chromium that comes with the install) that may reach Lectern's
 * origin and nothing else: it loads, opens with Lectern's example query and runs it.
 */

const SCREENSHOTS = join(__dirname, '..', '..', 'test-output', 'graphiql');

let lectern: Lectern;
let browser: Browser;

beforeAll(async () => {
  lectern = await startLectern({ GRAPHIQL: '' });
  await lectern.app.get(DemoLoader).load();
  browser = await launchBrowser();
  mkdirSync(SCREENSHOTS, { recursive: true });
});

afterAll(async () => {
  await browser?.close();
  await lectern?.close();
});

/** The text of the CodeMirror editors inside these elements (GraphiQL 3's editors are CodeMirror 5). */
const texts = (page: Page, selector: string) =>
  page.evaluate(
    (selector) =>
      Array.from(document.querySelectorAll(`${selector} .CodeMirror`)).map((element: any) => element.CodeMirror.getValue() as string),
    selector,
  );

it('runs the example query with nothing loaded from another host', async () => {
  const origin = new URL(lectern.url).origin;
  const context = await browser.newContext();
  const elsewhere: string[] = [];
  const requested: string[] = [];
  await context.route('**/*', (route) => {
    const url = route.request().url();
    if (new URL(url).origin === origin) {
      requested.push(`${route.request().method()} ${new URL(url).pathname}`);
      return route.continue();
    }
    elsewhere.push(url);
    return route.abort();
  });
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('console', (message) => message.type() === 'error' && problems.push(message.text()));
  page.on('pageerror', (error) => problems.push(error.message));

  // A browser opening the endpoint is sent on to GraphiQL.
  await page.goto(`${lectern.url}/graphql`);
  expect(new URL(page.url()).pathname).toBe('/graphiql');

  await page.waitForSelector('.graphiql-query-editor .CodeMirror');
  const [query] = await texts(page, '.graphiql-query-editor');
  expect(query).toContain('query SpeakerAcrossConferences {');
  expect(query).toContain('speaker(slug: "erik-sandstrom") {');
  // The headers editor is open, with where an organiser's token goes.
  expect(await texts(page, '.graphiql-editor-tool')).toContainEqual(expect.stringContaining('"Authorization": "Bearer <token>"'));
  await page.waitForFunction(() => document.body.innerText.includes('Bearer <token>'));

  await page.click('.graphiql-execute-button');
  await page.waitForFunction(() =>
    Array.from(document.querySelectorAll('.graphiql-response .CodeMirror')).some((element: any) =>
      element.CodeMirror.getValue().includes('"data"'),
    ),
  );
  const [result] = await texts(page, '.graphiql-response');
  const answer = JSON.parse(result);
  expect(answer.errors).toBeUndefined();
  expect(answer.data.speaker.name).toBe('Erik Sandström');
  expect(answer.data.speaker.appearances.length).toBeGreaterThan(0);
  await page.waitForFunction(() => document.querySelector('.graphiql-response')!.textContent!.includes('Erik Sandström'));

  const screenshot = join(SCREENSHOTS, 'speaker-across-conferences.png');
  await page.screenshot({ path: screenshot });
  expect(statSync(screenshot).size).toBeGreaterThan(1000);

  expect(elsewhere).toEqual([]);
  // The endpoint (sent on to the page, whose redirect the browser follows without a new route),
  // the page's files, and the introspection and example queries, all posted to Lectern.
  expect([...requested].sort()).toEqual(
    [
      'GET /graphql',
      'GET /graphiql/graphiql.css',
      'GET /graphiql/lectern-graphiql.css',
      'GET /graphiql/react.js',
      'GET /graphiql/react-dom.js',
      'GET /graphiql/graphiql.js',
      'GET /graphiql/lectern-graphiql.js',
      'POST /graphql',
      'POST /graphql',
    ].sort(),
  );
  expect(problems).toEqual([]);
  await context.close();
});
