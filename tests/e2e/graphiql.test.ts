import { Lectern, startLectern } from '../support/lectern';

/**
 * GraphiQL from Lectern's own files: the page and everything it loads come from Lectern's
 * origin, under a CSP that allows no other host; a browser opening /graphql is sent there, and
 * GRAPHIQL=off leaves neither.
 */

const BROWSER_ACCEPT = 'text/html,application/xhtml+xml,application/xml;q=0.9,image/avif,image/webp,*/*;q=0.8';

/** The CSP's directives by name, each with its sources. */
function directives(csp: string): Record<string, string[]> {
  return Object.fromEntries(
    csp
      .split(';')
      .map((directive) => directive.trim().split(/\s+/))
      .map(([name, ...sources]) => [name, sources]),
  );
}

describe('with GraphiQL on (the default)', () => {
  let lectern: Lectern;
  beforeAll(async () => {
    lectern = await startLectern({ GRAPHIQL: '' });
  });
  afterAll(() => lectern.close());

  it('serves a page whose every script and style sheet is one of Lectern’s own files', async () => {
    const page = await fetch(`${lectern.url}/graphiql`);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
    const html = await page.text();

    // Nothing inline: no script or style element without a file, no style attribute, no handler.
    expect(html).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/);
    expect(html).not.toMatch(/<style|\sstyle=|\son[a-z]+=/i);

    const scripts = [...html.matchAll(/<script[^>]*\bsrc="([^"]+)"/g)].map((match) => match[1]);
    const styles = [...html.matchAll(/<link[^>]*\bhref="([^"]+)"/g)].map((match) => match[1]);
    const sources = [...html.matchAll(/\b(?:src|href)="([^"]+)"/g)].map((match) => match[1]);
    expect(scripts.map((src) => src.replace(/\?.*/, ''))).toEqual([
      '/graphiql/react.js',
      '/graphiql/react-dom.js',
      '/graphiql/graphiql.js',
      '/graphiql/lectern-graphiql.js',
    ]);
    expect(styles.map((href) => href.replace(/\?.*/, ''))).toEqual(['/graphiql/graphiql.css', '/graphiql/lectern-graphiql.css']);
    expect(sources.sort()).toEqual([...scripts, ...styles].sort());

    for (const [list, type] of [
      [scripts, 'text/javascript; charset=utf-8'],
      [styles, 'text/css; charset=utf-8'],
    ] as const) {
      for (const source of list) {
        const address = new URL(source, page.url);
        expect(address.origin).toBe(new URL(lectern.url).origin);
        const response = await fetch(address);
        expect({ source, status: response.status, type: response.headers.get('content-type') }).toEqual({ source, status: 200, type });
        expect(response.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
        const etag = response.headers.get('etag');
        expect(etag).toMatch(/^"[\w-]+"$/);
        expect((await fetch(address, { headers: { 'if-none-match': etag! } })).status).toBe(304);
      }
    }
    // The page itself is revalidated, so a new Lectern's file versions reach the browser at once.
    expect(page.headers.get('cache-control')).toBe('no-cache');
  });

  it('answers the page under a CSP that allows Lectern’s origin alone: no other host, nothing inline, no eval', async () => {
    const page = await fetch(`${lectern.url}/graphiql`);
    const csp = page.headers.get('content-security-policy')!;
    expect(csp).not.toMatch(/https?:|unpkg|'unsafe-inline'|'unsafe-eval'|\*|nonce-/);
    expect(directives(csp)).toEqual({
      'default-src': ["'self'"],
      'script-src': ["'self'"],
      'style-src': ["'self'"],
      'connect-src': ["'self'"],
      'font-src': ["'self'", 'data:'],
      'img-src': ["'self'", 'data:'],
      'object-src': ["'none'"],
      'base-uri': ["'self'"],
      'form-action': ["'self'"],
      'frame-ancestors': ["'self'"],
    });
    // Its files carry the same policy.
    expect((await fetch(`${lectern.url}/graphiql/lectern-graphiql.js`)).headers.get('content-security-policy')).toBe(csp);
  });

  it('the style sheets use data: URLs only, which the CSP allows for fonts and images', async () => {
    for (const name of ['graphiql.css', 'lectern-graphiql.css']) {
      const css = await (await fetch(`${lectern.url}/graphiql/${name}`)).text();
      const urls = [...css.matchAll(/url\(\s*['"]?([^'")\s]+)/g)].map((match) => match[1]);
      expect({ name, other: urls.filter((url) => !url.startsWith('data:')) }).toEqual({ name, other: [] });
    }
  });

  it('answers 404 for any other file under /graphiql/', async () => {
    for (const path of ['/graphiql/main.js', '/graphiql/config.js', '/graphiql/sw.js', '/graphiql/..%2Fpackage.json']) {
      const response = await fetch(`${lectern.url}${path}`);
      expect({ path, status: response.status }).toEqual({ path, status: 404 });
    }
  });

  it('sends a browser opening /graphql to GraphiQL, with the address’s parameters', async () => {
    const plain = await fetch(`${lectern.url}/graphql`, { headers: { accept: BROWSER_ACCEPT }, redirect: 'manual' });
    expect(plain.status).toBe(303);
    expect(plain.headers.get('location')).toBe('/graphiql');
    expect(plain.headers.get('vary')).toMatch(/Accept/);

    const query = encodeURIComponent('{ conferences { totalCount } }');
    const linked = await fetch(`${lectern.url}/graphql?query=${query}`, { headers: { accept: BROWSER_ACCEPT }, redirect: 'manual' });
    expect(linked.status).toBe(303);
    expect(linked.headers.get('location')).toBe(`/graphiql?query=${query}`);
    const followed = await fetch(`${lectern.url}/graphql?query=${query}`, { headers: { accept: BROWSER_ACCEPT } });
    expect(followed.status).toBe(200);
    expect(followed.headers.get('content-type')).toBe('text/html; charset=utf-8');
  });

  it('answers GraphQL-over-HTTP GETs as before', async () => {
    const query = encodeURIComponent('{ __typename }');
    for (const accept of [
      'application/json',
      'application/graphql-response+json',
      'application/graphql-response+json, application/json;q=0.9',
      'text/html, application/json',
    ]) {
      const response = await fetch(`${lectern.url}/graphql?query=${query}`, { headers: { accept }, redirect: 'manual' });
      expect({ accept, status: response.status }).toEqual({ accept, status: 200 });
      expect(await response.json()).toEqual({ data: { __typename: 'Query' } });
    }
    const none = await fetch(`${lectern.url}/graphql?query=${query}`, { headers: { accept: '*/*' }, redirect: 'manual' });
    expect(none.status).toBe(200);
  });
});

describe('with GRAPHIQL=off', () => {
  let lectern: Lectern;
  beforeAll(async () => {
    lectern = await startLectern({ GRAPHIQL: 'off' });
  });
  afterAll(() => lectern.close());

  it('serves neither the page nor its files', async () => {
    for (const path of ['/graphiql', '/graphiql/graphiql.js', '/graphiql/lectern-graphiql.js', '/graphiql/react.js']) {
      const response = await fetch(`${lectern.url}${path}`);
      expect({ path, status: response.status }).toEqual({ path, status: 404 });
    }
  });

  it('does not send browsers from /graphql to it', async () => {
    const response = await fetch(`${lectern.url}/graphql`, { headers: { accept: BROWSER_ACCEPT }, redirect: 'manual' });
    expect(response.status).not.toBe(303);
    expect(response.headers.get('location')).toBeNull();
  });
});
