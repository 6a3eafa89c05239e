import { getIntrospectionQuery } from 'graphql';
import { readConfiguration } from '../../src/config/configuration';
import { DemoLoader } from '../../src/demo/demo-loader.service';
import { Lectern, ORGANISER_TOKEN, startLectern } from '../support/lectern';

/**
 * The public API's defences against bad input and abuse, over real HTTP: query depth and cost,
 * body size, the public rate limit, security headers, CORS, introspection and GraphiQL switches,
 * and error answers that give nothing away.
 */

/** Every setting this file changes, back to its default: a server started here sees only what its block sets. */
const DEFAULT_SETTINGS = {
  GRAPHQL_MAX_DEPTH: '',
  GRAPHQL_MAX_COST: '',
  MAX_BODY_BYTES: '',
  RATE_LIMIT: '',
  RATE_LIMIT_PER_MINUTE: '',
  CORS_ORGANISER_ORIGINS: '',
  INTROSPECTION: '',
  GRAPHIQL: '',
};
const start = (settings: Partial<typeof DEFAULT_SETTINGS> = {}) => startLectern({ ...DEFAULT_SETTINGS, ...settings });

const ADMIN_ORIGIN = 'https://admin.example.org';
const SITE_ORIGIN = 'https://festival-site.example.com';

/** A stack frame, a source path, or words from SQL or a database driver. */
const LEAKS = /\bat \S+ \(|node_modules|\/src\/|\.ts:\d+|SQLITE|SELECT |QueryFailedError|relation "/;

const post = (lectern: Lectern, body: unknown, headers: Record<string, string> = {}) =>
  fetch(`${lectern.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });

/** A conference's sessions' conference's sessions…: one page of one item each time, so it costs little. */
const CHAIN = [
  ['sessions(first: 1)', 'totalCount'],
  ['edges', 'cursor'],
  ['node', 'title'],
  ['conference', 'name'],
];

/** A selection inside a conference, `levels` fields deep counting its leaf. */
function nestedSelection(levels: number): string {
  const chain = Array.from({ length: levels - 1 }, (_, i) => CHAIN[i % CHAIN.length]);
  let selection = chain.length ? chain[chain.length - 1][1] : 'name';
  for (const [field] of chain.reverse()) selection = `${field} { ${selection} }`;
  return selection;
}

/** A query `levels` fields deep. */
const nestedQuery = (levels: number) => `{ conference(slug: "umea-jobbhackathon-2016") { ${nestedSelection(levels - 1)} } }`;

const SESSION_PAGE = `query ($slug: String!, $first: Int) {
  sessions(conferenceSlug: $slug, first: $first) {
    totalCount
    pageInfo { hasNextPage endCursor }
    edges { cursor node {
      id uid title abstract startsAt endsAt localStartsAt localEndsAt timeZone status format language revision
      room { name slug online }
      track { name slug color }
      appearances { role title organisation affiliation speaker { name slug photoUrl bio } }
    } }
  }
}`;

const SESSIONS_OF_EVERY_CONFERENCE = `query ($conferences: Int, $sessions: Int) {
  conferences(first: $conferences) { edges { node { sessions(first: $sessions) { edges { node { id } } } } } }
}`;

describe('with the default settings', () => {
  let lectern: Lectern;
  beforeAll(async () => {
    lectern = await start({ CORS_ORGANISER_ORIGINS: ADMIN_ORIGIN });
    await lectern.app.get(DemoLoader).load();
  });
  afterAll(() => lectern.close());

  describe('query depth', () => {
    it('refuses a query deeper than 12 levels, naming the limit and the depth found', async () => {
      const response = await post(lectern, { query: nestedQuery(13) });
      expect(response.status).toBe(400);
      const body = (await response.json()) as any;
      expect(body.errors).toHaveLength(1);
      expect(body.errors[0].message).toBe('The query is 13 levels deep; the limit is 12.');
      expect(body.errors[0].extensions).toEqual({ code: 'QUERY_TOO_DEEP', depth: 13, limit: 12 });
    });

    it('lets a query of 12 levels through', async () => {
      const data = await lectern.ok(nestedQuery(12));
      const innermost = data.conference.sessions.edges[0].node.conference.sessions.edges[0].node.conference.sessions.edges[0];
      expect(innermost.cursor).toEqual(expect.any(String));
    });

    it('counts a fragment as the fields it holds', async () => {
      const query = `{ conference(slug: "umea-jobbhackathon-2016") { ...Deep } } fragment Deep on Conference { ${nestedSelection(12)} }`;
      const result = await lectern.graphql(query);
      expect(result.status).toBe(400);
      expect(result.errors![0].extensions).toMatchObject({ code: 'QUERY_TOO_DEEP', depth: 13 });
    });

    it('answers the introspection query GraphiQL and code generators send', async () => {
      const data = await lectern.ok(getIntrospectionQuery({ descriptions: true, inputValueDeprecation: true }));
      expect(data.__schema.queryType.name).toBe('Query');
    });
  });

  describe('query cost', () => {
    it('lets a page of 100 sessions with their rooms, tracks and speakers through', async () => {
      const data = await lectern.ok(SESSION_PAGE, { slug: 'internetdagarna-2020', first: 100 });
      expect(data.sessions.edges.length).toBeGreaterThan(0);
      expect(data.sessions.edges[0].node.appearances[0].speaker.name).toEqual(expect.any(String));
    });

    it('refuses 100 conferences × 100 sessions, naming the limit and the cost', async () => {
      const result = await lectern.graphql(SESSIONS_OF_EVERY_CONFERENCE, { conferences: 100, sessions: 100 });
      expect(result.status).toBe(400);
      // Refused before execution: the GraphQL specification ("Response Format") has no data entry then.
      expect(result.data).toBeUndefined();
      expect(result.errors).toHaveLength(1);
      expect(result.errors![0].message).toMatch(/^The query costs 30301; the limit is 20000\./);
      expect(result.errors![0].extensions).toEqual({ code: 'QUERY_TOO_COSTLY', cost: 30301, limit: 20000 });
    });

    it('counts the same query again for other variables: a cheap answer is not kept for a costly ask', async () => {
      expect((await lectern.graphql(SESSIONS_OF_EVERY_CONFERENCE, { conferences: 2, sessions: 5 })).errors).toBeUndefined();
      const costly = await lectern.graphql(SESSIONS_OF_EVERY_CONFERENCE, { conferences: 100, sessions: 100 });
      expect(costly.errors![0].extensions).toEqual({ code: 'QUERY_TOO_COSTLY', cost: 30301, limit: 20000 });
      expect((await lectern.graphql(SESSIONS_OF_EVERY_CONFERENCE, { conferences: 2, sessions: 5 })).errors).toBeUndefined();
    });

    it('counts pages by the sizes the variables ask for', async () => {
      const data = await lectern.ok(SESSIONS_OF_EVERY_CONFERENCE, { conferences: 10, sessions: 10 });
      expect(data.conferences.edges.length).toBe(4);
    });

    it('refuses a document whose fragments multiply into too many fields', async () => {
      const fragments = Array.from({ length: 16 }, (_, i) => `fragment F${i} on Query { ...F${i + 1} ...F${i + 1} }`).join('\n');
      const query = `query { ...F0 }\n${fragments}\nfragment F16 on Query { __typename }`;
      const result = await lectern.graphql(query);
      expect(result.status).toBe(400);
      expect(result.errors![0].message).toMatch(/maximum allowed number of nodes/);
    });

    it('refuses a syntax tree in JSON in place of query text (which would skip the parser and its limits)', async () => {
      const tree = {
        kind: 'Document',
        definitions: [{ kind: 'OperationDefinition', operation: 'query', selectionSet: { kind: 'SelectionSet', selections: [] } }],
      };
      const result = await lectern.graphql(JSON.stringify(tree));
      expect(result.status).toBe(400);
      expect(result.errors).toEqual([{ message: 'The query is not GraphQL text.', extensions: { code: 'BAD_USER_INPUT' } }]);
    });

    it('refuses the NUL character in any string, in the query or its variables', async () => {
      const inQuery = await lectern.graphql('{ conference(slug: "umea\\u0000") { name } }');
      const inVariables = await lectern.graphql(
        'query ($f: SessionFilter) { sessions(conferenceSlug: "umea-jobbhackathon-2016", filter: $f) { totalCount } }',
        {
          f: { speaker: ['ok', 'not\u0000ok'] },
        },
      );
      for (const result of [inQuery, inVariables]) {
        expect(result.status).toBe(400);
        expect(result.errors).toEqual([
          { message: 'Text may not contain the NUL character (U+0000).', extensions: { code: 'BAD_USER_INPUT' } },
        ]);
      }
    });

    it('refuses a document of more than 2,000 tokens while parsing it', async () => {
      const result = await lectern.graphql(`{ ${'__typename '.repeat(2_001)}}`);
      expect(result.status).toBe(400);
      expect(result.errors![0].message).toMatch(/more that 2000 tokens/);
    });
  });

  describe('request bodies', () => {
    const countConferences = async () =>
      (await lectern.ok('{ conferences { totalCount } }', {}, { as: 'organiser' })).conferences.totalCount;

    it('answers a body over 1 MiB with 413 and a JSON error, and writes nothing', async () => {
      const before = await countConferences();
      const input = {
        slug: 'oversized',
        name: 'x'.repeat(1024 * 1024),
        startDate: '2030-01-01',
        endDate: '2030-01-02',
        timeZone: 'Europe/Oslo',
        defaultLocale: 'nb',
      };
      const response = await post(
        lectern,
        { query: 'mutation ($input: CreateConferenceInput!) { createConference(input: $input) { id } }', variables: { input } },
        { authorization: `Bearer ${ORGANISER_TOKEN}` },
      );
      expect(response.status).toBe(413);
      expect(((await response.json()) as any).errors[0].message).toBe('Request body is too large');
      expect(await countConferences()).toBe(before);
    });

    it('answers 413 on routes other than GraphQL too', async () => {
      const response = await fetch(`${lectern.url}/calendars/speakers/erik-sandstrom.ics`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ padding: 'x'.repeat(1024 * 1024) }),
      });
      expect(response.status).toBe(413);
      expect(await response.text()).not.toMatch(LEAKS);
    });
  });

  describe('security headers', () => {
    it('come with every answer, with a Content-Security-Policy that lets nothing run', async () => {
      const response = await fetch(`${lectern.url}/graphql?query=${encodeURIComponent('{ __typename }')}`);
      expect(response.status).toBe(200);
      expect(response.headers.get('content-security-policy')).toBe("default-src 'none';frame-ancestors 'none'");
      expect(response.headers.get('x-content-type-options')).toBe('nosniff');
      expect(response.headers.get('strict-transport-security')).toMatch(/^max-age=\d+/);
      expect(response.headers.get('x-frame-options')).toBe('SAMEORIGIN');
      expect(response.headers.get('referrer-policy')).toBe('no-referrer');
      expect(response.headers.get('cross-origin-resource-policy')).toBe('cross-origin');
      expect(response.headers.get('x-powered-by')).toBeNull();
    });

    it('let the GraphiQL page load its own files and nothing else (tests/e2e/graphiql.test.ts has the rest)', async () => {
      const page = await fetch(`${lectern.url}/graphiql`);
      expect(page.status).toBe(200);
      const csp = page.headers.get('content-security-policy')!;
      expect(csp).toContain("script-src 'self'");
      expect(csp).toContain("connect-src 'self'"); // its requests to /graphql
      expect(csp).not.toMatch(/unpkg|https:|'unsafe-inline'|'unsafe-eval'/);
      const html = await page.text();
      const sources = [...html.matchAll(/<(?:script|link)[^>]*\b(?:src|href)="([^"]+)"/g)].map((match) => match[1]);
      expect(sources.length).toBeGreaterThan(0);
      for (const source of sources) {
        expect(source).toMatch(/^\/graphiql\//);
        expect((await fetch(`${lectern.url}${source}`)).status).toBe(200);
      }
    });
  });

  describe('CORS', () => {
    it('opens public reads to any origin', async () => {
      const get = await fetch(`${lectern.url}/graphql?query=${encodeURIComponent('{ conferences { totalCount } }')}`, {
        headers: { origin: SITE_ORIGIN },
      });
      expect(get.status).toBe(200);
      expect(get.headers.get('access-control-allow-origin')).toBe('*');

      const preflight = await fetch(`${lectern.url}/graphql`, {
        method: 'OPTIONS',
        headers: { origin: SITE_ORIGIN, 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type' },
      });
      expect(preflight.status).toBe(204);
      expect(preflight.headers.get('access-control-allow-origin')).toBe('*');
      expect(preflight.headers.get('access-control-allow-headers')).toMatch(/content-type/i);
      expect(preflight.headers.get('access-control-allow-methods')).toMatch(/POST/);

      const postFromSite = await post(lectern, { query: '{ conferences { totalCount } }' }, { origin: SITE_ORIGIN });
      expect(postFromSite.headers.get('access-control-allow-origin')).toBe('*');
      expect(postFromSite.headers.get('access-control-expose-headers')).toMatch(/Retry-After/);
    });

    it('refuses Authorization to an origin that is not an organiser origin', async () => {
      const preflight = await fetch(`${lectern.url}/graphql`, {
        method: 'OPTIONS',
        headers: {
          origin: SITE_ORIGIN,
          'access-control-request-method': 'POST',
          'access-control-request-headers': 'authorization,content-type',
        },
      });
      expect(preflight.headers.get('access-control-allow-headers') ?? '').not.toMatch(/authorization/i);
    });

    it('allows Authorization to an organiser origin', async () => {
      const preflight = await fetch(`${lectern.url}/graphql`, {
        method: 'OPTIONS',
        headers: {
          origin: ADMIN_ORIGIN,
          'access-control-request-method': 'POST',
          'access-control-request-headers': 'authorization,content-type',
        },
      });
      expect(preflight.status).toBe(204);
      expect(preflight.headers.get('access-control-allow-origin')).toBe(ADMIN_ORIGIN);
      expect(preflight.headers.get('access-control-allow-headers')).toMatch(/authorization/i);
      expect(preflight.headers.get('vary')).toMatch(/origin/i);
    });
  });

  describe('errors', () => {
    it('answer an unknown route with a 404 in JSON, without a stack', async () => {
      const response = await fetch(`${lectern.url}/no/such/route`);
      expect(response.status).toBe(404);
      expect(response.headers.get('content-type')).toMatch(/^application\/json/);
      const body = await response.text();
      expect(JSON.parse(body)).toMatchObject({ statusCode: 404, message: 'Cannot GET /no/such/route' });
      expect(body).not.toMatch(LEAKS);
    });

    it('answer %00 in an address with 400, on any route', async () => {
      for (const path of [
        '/calendars/conferences/umea%00.ics',
        `/graphql?query=${encodeURIComponent('{ __typename }')}&x=%00`,
        '/no/such%00route',
      ]) {
        const response = await fetch(`${lectern.url}${path}`);
        expect({ path, status: response.status }).toEqual({ path, status: 400 });
        const body = (await response.json()) as any;
        expect(body.message ?? body.errors[0].message).toBe('The address may not contain %00 (the NUL character).');
      }
    });

    it('answer broken JSON and a wrong content type on any route with a clean 4xx', async () => {
      for (const path of ['/graphql', '/no/such/route']) {
        const broken = await fetch(`${lectern.url}${path}`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: '{"query": ',
        });
        expect({ path, status: broken.status }).toEqual({ path, status: 400 });
        expect(await broken.text()).not.toMatch(LEAKS);

        const xml = await fetch(`${lectern.url}${path}`, {
          method: 'POST',
          headers: { 'content-type': 'application/xml' },
          body: '<query/>',
        });
        expect({ path, status: xml.status }).toEqual({ path, status: path === '/graphql' ? 415 : 404 });
        expect(await xml.text()).not.toMatch(LEAKS);
      }
    });
  });
});

describe('the public rate limit', () => {
  let lectern: Lectern;
  beforeAll(async () => {
    lectern = await start({ RATE_LIMIT_PER_MINUTE: '5' });
  });
  afterAll(() => lectern.close());

  /** Fastify believes X-Forwarded-For from the loopback proxy the tests stand in for. */
  const asClient = (client: string, headers: Record<string, string> = {}) =>
    post(lectern, { query: '{ conferences { totalCount } }' }, { 'x-forwarded-for': client, ...headers });

  it('answers 429 with Retry-After once a client has made its requests for the minute', async () => {
    for (let i = 1; i <= 5; i++) {
      const response = await asClient('203.0.113.1');
      expect({ request: i, status: response.status }).toEqual({ request: i, status: 200 });
      expect(response.headers.get('x-ratelimit-remaining')).toBe(String(5 - i));
    }
    const refused = await asClient('203.0.113.1');
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
    const body = (await refused.json()) as any;
    expect(body.errors[0].message).toMatch(/^Too many requests: at most 5 a minute from one client\. Retry in (\d+ seconds?|1 minute)\.$/);
    expect(body.errors[0].extensions).toEqual({ code: 'TOO_MANY_REQUESTS' });
  });

  it('counts each client on its own', async () => {
    expect((await asClient('203.0.113.2')).status).toBe(200);
  });

  it('does not count requests with a valid organiser token', async () => {
    for (let i = 0; i < 8; i++) expect((await asClient('203.0.113.3', { authorization: `Bearer ${ORGANISER_TOKEN}` })).status).toBe(200);
    expect((await asClient('203.0.113.3')).status).toBe(200);
  });

  it('does not count routes other than GraphQL', async () => {
    for (let i = 0; i < 8; i++) {
      const response = await fetch(`${lectern.url}/graphiql`, { headers: { 'x-forwarded-for': '203.0.113.4' } });
      expect(response.status).toBe(200);
    }
    expect((await asClient('203.0.113.4')).status).toBe(200);
  });
});

describe('with the defences switched or turned down', () => {
  let lectern: Lectern;
  beforeAll(async () => {
    lectern = await start({
      RATE_LIMIT: 'off',
      RATE_LIMIT_PER_MINUTE: '2',
      INTROSPECTION: 'off',
      GRAPHIQL: 'off',
      MAX_BODY_BYTES: '4096',
      GRAPHQL_MAX_DEPTH: '4',
      GRAPHQL_MAX_COST: '50',
    });
  });
  afterAll(() => lectern.close());

  it('RATE_LIMIT=off never answers 429', async () => {
    for (let i = 0; i < 10; i++) {
      const response = await post(lectern, { query: '{ conferences { totalCount } }' });
      expect(response.status).toBe(200);
      expect(response.headers.get('x-ratelimit-limit')).toBeNull();
    }
  });

  it('INTROSPECTION=off refuses __schema and __type, and still answers __typename', async () => {
    for (const query of ['{ __schema { types { name } } }', '{ __type(name: "Session") { name } }']) {
      const result = await lectern.graphql(query);
      expect(result.status).toBe(400);
      expect(result.errors![0].message).toMatch(/introspection has been disabled/);
    }
    expect(await lectern.ok('{ __typename }')).toEqual({ __typename: 'Query' });
  });

  it('GRAPHIQL=off serves no IDE', async () => {
    for (const path of ['/graphiql', '/graphiql/graphiql.js']) {
      const response = await fetch(`${lectern.url}${path}`);
      expect({ path, status: response.status }).toEqual({ path, status: 404 });
    }
  });

  it('MAX_BODY_BYTES sets the largest body', async () => {
    expect((await post(lectern, { query: '{ __typename }', variables: { padding: 'x'.repeat(3_000) } })).status).toBe(200);
    expect((await post(lectern, { query: '{ __typename }', variables: { padding: 'x'.repeat(5_000) } })).status).toBe(413);
  });

  it('GRAPHQL_MAX_DEPTH and GRAPHQL_MAX_COST set the query limits', async () => {
    expect((await lectern.graphql(nestedQuery(5))).errors![0].extensions).toEqual({ code: 'QUERY_TOO_DEEP', depth: 5, limit: 4 });
    const costly = await lectern.graphql('{ conferences(first: 30) { edges { node { name } } } }');
    expect(costly.errors![0].extensions).toEqual({ code: 'QUERY_TOO_COSTLY', cost: 91, limit: 50 });
    expect((await lectern.graphql('{ conferences(first: 10) { edges { node { name } } } }')).status).toBe(200);
  });
});

describe('the security settings', () => {
  it('default to the limits above', () => {
    expect(readConfiguration({})).toMatchObject({
      graphqlMaxDepth: 12,
      graphqlMaxCost: 20_000,
      maxBodyBytes: 1024 * 1024,
      rateLimit: true,
      rateLimitPerMinute: 600,
      corsOrganiserOrigins: [],
      introspection: true,
      graphiql: true,
      trustProxy: 'loopback',
    });
  });

  it('read lists, switches and proxies', () => {
    expect(readConfiguration({ CORS_ORGANISER_ORIGINS: ` ${ADMIN_ORIGIN}, http://localhost:5173 ` }).corsOrganiserOrigins).toEqual([
      ADMIN_ORIGIN,
      'http://localhost:5173',
    ]);
    expect(readConfiguration({ RATE_LIMIT: 'off', INTROSPECTION: 'off', GRAPHIQL: 'off' })).toMatchObject({
      rateLimit: false,
      introspection: false,
      graphiql: false,
    });
    expect(readConfiguration({ TRUST_PROXY: 'on' }).trustProxy).toBe(true);
    expect(readConfiguration({ TRUST_PROXY: 'off' }).trustProxy).toBe(false);
    expect(readConfiguration({ TRUST_PROXY: '2' }).trustProxy).toBe(2);
    expect(readConfiguration({ TRUST_PROXY: '10.0.0.0/8,loopback' }).trustProxy).toBe('10.0.0.0/8,loopback');
  });

  it('refuse values that mean nothing, naming the setting', () => {
    expect(() => readConfiguration({ RATE_LIMIT: 'no' })).toThrow('RATE_LIMIT must be "on" or "off", not "no"');
    expect(() => readConfiguration({ GRAPHQL_MAX_COST: '0' })).toThrow('GRAPHQL_MAX_COST must be a whole number of at least 1, not "0"');
    expect(() => readConfiguration({ MAX_BODY_BYTES: '1MB' })).toThrow('MAX_BODY_BYTES must be a whole number of at least 1, not "1MB"');
    expect(() => readConfiguration({ CORS_ORGANISER_ORIGINS: 'https://admin.example.org/' })).toThrow(
      /CORS_ORGANISER_ORIGINS: "https:\/\/admin.example.org\/" is not an origin/,
    );
  });
});
