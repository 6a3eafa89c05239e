import { execFileSync } from 'node:child_process';
import { Lectern, startLectern } from '../support/lectern';
import { programmeBuilder } from '../support/programme';

/** The developers' page, the JSON API's OpenAPI document and its viewer. */

let lectern: Lectern;

beforeAll(async () => {
  lectern = await startLectern();
  const build = programmeBuilder(lectern);
  await build.conference({ slug: 'devconf-2020', startDate: '2020-11-24', timeZone: 'Europe/Stockholm', published: true });
});

afterAll(() => lectern.close());

/**
 * The validator's verdict on a document: @seriousme/openapi-schema-validator is an ES module,
 * which jest's CommonJS tests cannot load, so a Node process of its own runs it.
 */
function validate(document: object): { valid: boolean; errors?: unknown } {
  const script =
    "import { Validator } from '@seriousme/openapi-schema-validator';" +
    "let input = ''; for await (const chunk of process.stdin) input += chunk;" +
    'process.stdout.write(JSON.stringify(await new Validator().validate(JSON.parse(input))));';
  return JSON.parse(execFileSync(process.execPath, ['--input-type=module', '-e', script], { input: JSON.stringify(document) }).toString());
}

/** `printRoutes()` draws a tree of path segments; this reads back each route's full path (as fuzz.test.ts does). */
function listRoutes(tree: string): string[] {
  const routes: string[] = [];
  const parents: string[] = [];
  for (const line of tree.split('\n')) {
    const match = /^([│ ]*)[├└]── (.*?)(?: \(([A-Z, ]+)\))?$/.exec(line);
    if (!match) continue;
    const level = match[1].length / 4;
    const path = (parents[level - 1] ?? '') + match[2];
    parents[level] = path;
    parents.length = level + 1;
    if (match[3]) routes.push(path);
  }
  return routes;
}

describe('/api/openapi.json', () => {
  it('is a valid OpenAPI 3.1 document, with a strong ETag', async () => {
    const response = await fetch(`${lectern.url}/api/openapi.json`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/json; charset=utf-8');
    expect(response.headers.get('etag')).toMatch(/^"[\w-]+"$/);
    const document = await response.json();
    expect(document.openapi).toBe('3.1.0');
    const result = validate(document);
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
  });

  it('describes every /api/ route Nest serves', async () => {
    const document = await (await fetch(`${lectern.url}/api/openapi.json`)).json();
    const described = Object.keys(document.paths).map((path) => path.replace(/\{(\w+)\}/g, ':$1'));
    const served = listRoutes(lectern.app.getHttpAdapter().getInstance().printRoutes({ commonPrefix: false })).filter((path) =>
      path.startsWith('/api/'),
    );
    expect(served.length).toBeGreaterThanOrEqual(6);
    expect(described.sort()).toEqual([...new Set(served)].sort());
  });
});

describe('/api/docs', () => {
  it("is Lectern's own page: no inline script, every file from /api/docs/, a CSP of Lectern's origin alone", async () => {
    const response = await fetch(`${lectern.url}/api/docs`);
    expect(response.status).toBe(200);
    const html = await response.text();
    expect(html).toContain('data-url="/api/openapi.json"');
    expect(html).not.toMatch(/<script>|<script(?![^>]*\bsrc=)[^>]*>|\sstyle=/);
    const csp = response.headers.get('content-security-policy')!;
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("connect-src 'self'");
    expect(csp).not.toMatch(/https?:|\*|unsafe/);
    const files = [...html.matchAll(/(?:src|href)="(\/api\/docs\/[^"]+)"/g)].map((match) => match[1]);
    expect(files).toHaveLength(4);
    for (const file of files) {
      const answer = await fetch(`${lectern.url}${file}`);
      expect([file, answer.status]).toEqual([file, 200]);
      expect(answer.headers.get('content-security-policy')).toBe(csp);
    }
    expect(await (await fetch(`${lectern.url}/api/docs/lectern-api-docs.js`)).text()).toContain('validatorUrl: null');
    expect((await fetch(`${lectern.url}/api/docs/index.html`)).status).toBe(404);
  });
});

describe('/developers', () => {
  it('is a page like the others, and every link on it answers 200', async () => {
    for (const lang of ['en', 'sv', 'nb']) {
      const response = await fetch(`${lectern.url}/developers?lang=${lang}`);
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
      const html = await response.text();
      expect(html).toContain(`<html lang="${lang}">`);
      const levels = [...html.matchAll(/<h([1-6])[\s>]/g)].map((match) => Number(match[1]));
      expect(levels[0]).toBe(1);
      expect(levels.filter((level) => level === 1)).toHaveLength(1);
      levels.forEach((level, index) => index > 0 && expect(level).toBeLessThanOrEqual(levels[index - 1] + 1));
      for (const path of [
        '/graphiql',
        '/graphql/schema.graphql',
        '/api/openapi.json',
        '/api/docs',
        '/calendars/conferences/devconf-2020.ics',
        '/exports/conferences/devconf-2020/schedule.xml',
        '/embed/conferences/devconf-2020/schedule',
      ]) {
        expect(html).toContain(`href="${path}"`);
      }
      const links = [...html.matchAll(/<(?:a|link)\b[^>]*\shref="([^"]+)"/g)].map((match) => match[1].replace(/&amp;/g, '&'));
      for (const link of new Set(links)) {
        const url = new URL(link, `${lectern.url}/developers`);
        const target = url.origin === new URL(lectern.url).origin ? url : new URL(`${url.pathname}${url.search}`, lectern.url);
        const answer = await fetch(target, { headers: { accept: 'text/html' } });
        expect([link, answer.status]).toEqual([link, 200]);
      }
    }
  });
});
