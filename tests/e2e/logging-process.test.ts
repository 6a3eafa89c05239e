import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ChildLectern, lecternCli, spawnLectern } from '../support/child-lectern';

/** The log of a running server, as a log collector (LOG_FORMAT=json) and a person (text) read it. */
jest.setTimeout(180_000);

describe('the log of a Lectern process', () => {
  let directory: string;
  let base: Record<string, string>;
  beforeAll(async () => {
    directory = mkdtempSync(join(tmpdir(), 'lectern-logging-'));
    base = { DATABASE_URL: '', REDIS_URL: '', SQLITE_PATH: join(directory, 'lectern.sqlite'), LOG_LEVEL: 'info' };
    await lecternCli(['demo:load'], base);
  });
  afterAll(() => rmSync(directory, { recursive: true, force: true }));

  describe('as JSON', () => {
    let lectern: ChildLectern;
    // Nothing listens on port 1: /health answers 503, and Nest's health check logs an error line.
    beforeAll(async () => (lectern = await spawnLectern({ ...base, REDIS_URL: 'redis://127.0.0.1:1', LOG_FORMAT: 'json' })));
    afterAll(() => lectern.kill());
    const lines = () =>
      lectern
        .output()
        .split('\n')
        .filter((line) => line.trim() !== '')
        .map((line) => JSON.parse(line) as Record<string, unknown>);

    it("gives a Nest error line written during a request the request's id, as the answer's X-Request-Id does", async () => {
      const response = await fetch(`${lectern.url}/health`);
      expect(response.status).toBe(503);
      const id = response.headers.get('x-request-id')!;
      expect(id).toMatch(/^[0-9a-f-]{36}$/);
      await waitFor(() => lines().some((line) => line.reqId === id && line.msg === 'request'));

      const ofRequest = lines().filter((line) => line.reqId === id);
      expect(ofRequest).toEqual([
        expect.objectContaining({ level: 'error', msg: expect.stringContaining('Health Check has failed') }),
        expect.objectContaining({ level: 'info', msg: 'request', method: 'GET', url: '/health', status: 503 }),
      ]);
      // No other request's id, and no id at all on lines written outside a request.
      expect(lines().filter((line) => String(line.msg).includes('Health Check has failed'))).toHaveLength(1);
      expect(lines().filter((line) => line.context === 'Lectern')).toEqual(
        expect.arrayContaining([expect.not.objectContaining({ reqId: expect.anything() })]),
      );
    });

    it('writes a line for every request, one that sends a body too, with the id it answered with', async () => {
      const answers = await Promise.all([
        fetch(`${lectern.url}/graphql`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'x-request-id': 'proxy-post.1' },
          body: JSON.stringify({ query: '{ __typename }' }),
        }),
        fetch(`${lectern.url}/`, { headers: { 'x-request-id': 'proxy-site.2' } }),
        fetch(`${lectern.url}/calendars/conferences/internetdagarna-2020.ics`, { headers: { 'x-request-id': 'proxy-feed.3' } }),
      ]);
      const ids = answers.map((answer) => answer.headers.get('x-request-id'));
      expect(ids).toEqual(['proxy-post.1', 'proxy-site.2', 'proxy-feed.3']);
      await waitFor(() => ids.every((id) => lines().some((line) => line.reqId === id && line.msg === 'request')));
      for (const [i, id] of ids.entries()) {
        // With Redis unreachable a service may warn on the request's behalf too; its line carries the id as well.
        expect(lines().filter((line) => line.reqId === id && line.msg === 'request')).toEqual([
          expect.objectContaining({ msg: 'request', status: answers[i].status, method: i === 0 ? 'POST' : 'GET' }),
        ]);
      }
    });
  });

  describe('as text', () => {
    let lectern: ChildLectern;
    beforeAll(async () => (lectern = await spawnLectern({ ...base, LOG_FORMAT: 'text' })));
    afterAll(() => lectern.kill());

    it('writes readable lines, not JSON, with the request id on a request line', async () => {
      const response = await fetch(`${lectern.url}/health`, { headers: { 'x-request-id': 'text-health.1' } });
      expect(response.status).toBe(200);
      await waitFor(() => lectern.output().includes('[text-health.1]'));
      const lines = lectern
        .output()
        .split('\n')
        .filter((line) => line.trim() !== '');
      for (const line of lines) expect(() => JSON.parse(line)).toThrow();
      expect(lines).toContainEqual(expect.stringMatching(/INFO.*GET \/health 200 [\d.]+ ms \[text-health\.1\]$/));
      expect(lines).toContainEqual(expect.stringMatching(/INFO.*\[NestApplication\] Nest application successfully started/));
    });

    it('ends its start with the addresses to open, plainly', async () => {
      const output = lectern.output();
      const at = output.indexOf('Lectern is running:');
      expect(at).toBeGreaterThan(0);
      const port = new URL(lectern.url).port;
      const [block, after] = splitOnce(output.slice(at), '\n\n');
      expect(block.split('\n')).toEqual([
        'Lectern is running:',
        expect.stringMatching(new RegExp(`^  Site +http://localhost:${port}/$`)),
        expect.stringMatching(new RegExp(`^  GraphQL API +http://localhost:${port}/graphql$`)),
        expect.stringMatching(new RegExp(`^  GraphiQL +http://localhost:${port}/graphiql$`)),
        expect.stringMatching(new RegExp(`^  Developers +http://localhost:${port}/developers$`)),
        expect.stringMatching(new RegExp(`^  Feed +http://localhost:${port}/calendars/conferences/internetdagarna-2020\\.ics$`)),
      ]);
      // Everything of the start comes before it; after it, only the lines of requests answered.
      expect(output.slice(0, at)).toContain('Nest application successfully started');
      expect(output.slice(0, at)).toContain('[Lectern] Database');
      const later = after.split('\n').filter((line) => line.trim() !== '');
      for (const line of later) expect(line).toMatch(/INFO: (GET|POST) \//);
    });
  });
});

function splitOnce(text: string, separator: string): [string, string] {
  const at = text.indexOf(separator);
  return at < 0 ? [text, ''] : [text.slice(0, at), text.slice(at + separator.length)];
}

async function waitFor(condition: () => boolean): Promise<void> {
  for (let i = 0; i < 100 && !condition(); i++) await new Promise((resolve) => setTimeout(resolve, 50));
  if (!condition()) throw new Error('The server did not get there within 5 s');
}
