import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildSchemaSdl } from '../../src/developers/schema-sdl';
import { Lectern, startLectern } from '../support/lectern';

/** schema.graphql at the root is the schema Lectern serves, so every change to the schema shows in review. */

let lectern: Lectern;

beforeAll(async () => {
  lectern = await startLectern();
});

afterAll(() => lectern.close());

const HINT = 'schema.graphql differs from the schema Lectern serves: run npm run schema and commit schema.graphql';

it('the committed schema.graphql is the served SDL, exactly', async () => {
  const response = await fetch(`${lectern.url}/graphql/schema.graphql`);
  expect(response.status).toBe(200);
  const served = await response.text();
  const committed = readFileSync(join(__dirname, '..', '..', 'schema.graphql'), 'utf8');
  if (committed !== served) throw new Error(HINT);
});

it('npm run schema builds the same SDL without a server or a database', async () => {
  const served = await (await fetch(`${lectern.url}/graphql/schema.graphql`)).text();
  expect(await buildSchemaSdl()).toBe(served);
});

it('serves the SDL as text with a strong ETag, and 304 for a current copy', async () => {
  const response = await fetch(`${lectern.url}/graphql/schema.graphql`);
  expect(response.headers.get('content-type')).toBe('text/plain; charset=utf-8');
  const etag = response.headers.get('etag');
  expect(etag).toMatch(/^"[\w-]+"$/);
  expect((await response.text()).startsWith('"""')).toBe(true);
  const again = await fetch(`${lectern.url}/graphql/schema.graphql`, { headers: { 'if-none-match': etag! } });
  expect(again.status).toBe(304);
});
