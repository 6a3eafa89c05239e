import { DataSource } from 'typeorm';
import { onPostgres } from '../support/environment';
import { Lectern, startLectern } from '../support/lectern';

describe('the GraphQL endpoint over HTTP', () => {
  let lectern: Lectern;
  beforeAll(async () => {
    lectern = await startLectern();
  });
  afterAll(() => lectern.close());

  const post = (body: unknown, headers: Record<string, string> = {}) =>
    fetch(`${lectern.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: typeof body === 'string' ? body : JSON.stringify(body),
    });

  it('accepts null for variables, operationName and extensions', async () => {
    const response = await post({ query: '{ conferences { totalCount } }', variables: null, operationName: null, extensions: null });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ data: { conferences: { totalCount: 0 } } });
  });

  it('answers application/graphql-response+json to a client that asks for it', async () => {
    const response = await post(
      { query: '{ conferences { totalCount } }' },
      { accept: 'application/graphql-response+json, application/json;q=0.9' },
    );
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^application\/graphql-response\+json/);
  });

  it('answers plain JSON by default', async () => {
    const response = await post({ query: '{ conferences { totalCount } }' });
    expect(response.headers.get('content-type')).toMatch(/^application\/json/);
  });

  it('answers queries over GET, and refuses mutations over GET', async () => {
    const query = encodeURIComponent('{ conferences { totalCount } }');
    const get = await fetch(`${lectern.url}/graphql?query=${query}`);
    expect(get.status).toBe(200);
    expect(((await get.json()) as any).data.conferences.totalCount).toBe(0);

    const mutation = encodeURIComponent('mutation { deleteConference(id: "1") { id } }');
    const refused = await fetch(`${lectern.url}/graphql?query=${mutation}`, { headers: { authorization: `Bearer ${lectern.adminToken}` } });
    expect(refused.status).toBe(405);
    // RFC 9110 §15.5.6: a 405 names the methods that would do.
    expect(refused.headers.get('allow')).toBe('POST');
  });

  it('answers a syntax error with 400 and a message, without a stack', async () => {
    const response = await post({ query: '{ conferences { totalCount ' });
    expect(response.status).toBe(400);
    const body = (await response.json()) as any;
    expect(body.errors[0].message).toMatch(/Syntax Error/);
    expect(JSON.stringify(body)).not.toMatch(/\bat \w+ \(|node_modules|\/src\//);
  });

  it('answers broken JSON with 400', async () => {
    const response = await post('{"query": "{ conferences { totalCount } }"');
    expect(response.status).toBe(400);
  });

  it('answers a field that does not exist with 400, naming it', async () => {
    const response = await post({ query: '{ conferences { nope } }' });
    expect(response.status).toBe(400);
    expect(((await response.json()) as any).errors[0].message).toContain('nope');
  });

  // GraphQL over HTTP, "Response › Status Codes": a well-formed request whose document GraphQL
  // refuses (parse, validation, operation, variable coercion) is answered 200 in application/json
  // ("application/json": SHOULD use 200 for every well-formed request) and 400 in
  // application/graphql-response+json ("… does not contain the data entry: MUST 4xx or 5xx").
  // The request above sends no Accept of its own (fetch's `*/*`): the server's choice, 400.
  const refusedDocuments: Array<[string, unknown]> = [
    ['a document that does not parse', { query: '{ conferences { totalCount ' }],
    ['a document that does not validate', { query: '{ conferences { nope } }' }],
    ['an operation that is not in the document', { query: 'query A { __typename } query B { __typename }', operationName: 'C' }],
    ['variables that cannot be coerced', { query: 'query ($slug: String!) { conference(slug: $slug) { id } }', variables: { slug: null } }],
  ];
  it.each(refusedDocuments)(
    'answers %s with 200 to application/json, 400 to application/graphql-response+json, without data',
    async (_, body) => {
      const json = await post(body, { accept: 'application/json' });
      expect(json.status).toBe(200);
      expect(json.headers.get('content-type')).toMatch(/^application\/json/);
      const jsonBody = (await json.json()) as any;
      expect(jsonBody.errors).toHaveLength(1);
      // The GraphQL specification ("Response Format"): no data entry when nothing was executed.
      expect(jsonBody).not.toHaveProperty('data');

      const strict = await post(body, { accept: 'application/graphql-response+json, application/json;q=0.9' });
      expect(strict.status).toBe(400);
      expect(strict.headers.get('content-type')).toMatch(/^application\/graphql-response\+json/);
      // The same refusal (compiled by then, its error may be located differently).
      const strictBody = (await strict.json()) as any;
      expect(strictBody.errors.map((error: any) => error.message)).toEqual(jsonBody.errors.map((error: any) => error.message));
      expect(strictBody).not.toHaveProperty('data');
    },
  );

  it('answers a request that is not well-formed with 400 whatever it accepts', async () => {
    // "Request Parameters": parameters of the wrong type make a request that is not well-formed.
    for (const body of [
      '{"query": "{ __typename }"',
      { query: '{ __typename }', operationName: 0 },
      { query: '{ __typename }', variables: false },
    ]) {
      for (const accept of ['application/json', 'application/graphql-response+json']) {
        expect((await post(body, { accept })).status).toBe(400);
      }
    }
  });

  it('answers field errors with 200 and data to either media type', async () => {
    for (const accept of ['application/json', 'application/graphql-response+json']) {
      const response = await post({ query: 'mutation { deleteConference(id: "1") { id } }' }, { accept });
      expect(response.status).toBe(200);
      expect(await response.json()).toEqual({ data: null, errors: [expect.objectContaining({ path: ['deleteConference'] })] });
    }
  });
});

describe('an unexpected failure', () => {
  it('reaches the client as "Internal server error" with no SQL, stack or path', async () => {
    const lectern = await startLectern();
    try {
      // Break the database underneath the running server (on PostgreSQL, with the keys that refer to it).
      await lectern.app.get(DataSource).query(`DROP TABLE "appearances"${onPostgres ? ' CASCADE' : ''}`);
      const result = await lectern.graphql(`{ speakers { totalCount } }`);
      expect(result.errors).toHaveLength(1);
      expect(result.errors![0].message).toBe('Internal server error');
      expect(result.errors![0].extensions?.code).toBe('INTERNAL_SERVER_ERROR');
      const body = JSON.stringify(result);
      expect(body).not.toMatch(/appearances|SELECT|SQLITE|relation|\/src\/|node_modules/i);
    } finally {
      await lectern.close();
    }
  });
});

describe('a document with several operations', () => {
  it('runs the operation named, every time, once the document is compiled', async () => {
    const lectern = await startLectern();
    try {
      const query = 'query Total { conferences { totalCount } } query Names { conferences { edges { node { slug } } } }';
      for (let round = 0; round < 3; round++) {
        for (const operationName of ['Total', 'Names']) {
          const response = await fetch(`${lectern.url}/graphql`, {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify({ query, operationName }),
          });
          const data = ((await response.json()) as any).data.conferences;
          expect(Object.keys(data)).toEqual([operationName === 'Total' ? 'totalCount' : 'edges']);
        }
      }
      const unknown = await lectern.graphql('query Total { conferences { totalCount } } query Names { conferences { totalCount } }');
      expect(unknown.errors?.[0].message).toMatch(/operation name/i);
    } finally {
      await lectern.close();
    }
  });
});
