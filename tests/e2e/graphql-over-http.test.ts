import { DataSource } from 'typeorm';
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
});

describe('an unexpected failure', () => {
  it('reaches the client as "Internal server error" with no SQL, stack or path', async () => {
    const lectern = await startLectern();
    try {
      // Break the database underneath the running server.
      await lectern.app.get(DataSource).query('DROP TABLE "appearances"');
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
