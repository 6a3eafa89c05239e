import { mkdtempSync, rmSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ChildLectern, spawnLectern } from '../support/child-lectern';

/** What an operator sees of a running server: its log lines, and how it stops. */
jest.setTimeout(120_000);

describe('a Lectern process', () => {
  let directory: string;
  let lectern: ChildLectern;

  beforeAll(async () => {
    directory = mkdtempSync(join(tmpdir(), 'lectern-process-'));
    // Its own SQLite file (and no Redis), whatever the phase: this is about the process, not the engines.
    lectern = await spawnLectern({ DATABASE_URL: '', REDIS_URL: '', SQLITE_PATH: join(directory, 'lectern.sqlite'), LOG_LEVEL: 'info' });
  });
  afterAll(async () => {
    await lectern.kill();
    rmSync(directory, { recursive: true, force: true });
  });

  const logLines = () =>
    lectern
      .output()
      .split('\n')
      .filter((line) => line.trim() !== '')
      .map((line) => JSON.parse(line) as Record<string, unknown>);

  it('writes every log line as JSON, one line per request with its id, echoed in X-Request-Id', async () => {
    const response = await fetch(`${lectern.url}/graphql?query=%7B__typename%7D`, { headers: { 'x-request-id': 'proxy-7f3a.42' } });
    expect(response.status).toBe(200);
    expect(response.headers.get('x-request-id')).toBe('proxy-7f3a.42');
    const invented = await fetch(`${lectern.url}/health`, { headers: { 'x-request-id': 'not "sane" at all' } });
    const inventedId = invented.headers.get('x-request-id');
    expect(inventedId).toMatch(/^[0-9a-f-]{36}$/);

    await waitFor(() => logLines().some((line) => line.reqId === inventedId));
    const lines = logLines(); // throws unless every line is JSON
    expect(lines.filter((line) => line.reqId === 'proxy-7f3a.42')).toEqual([
      expect.objectContaining({
        level: 'info',
        method: 'GET',
        url: '/graphql?query=%7B__typename%7D',
        status: 200,
        responseTime: expect.any(Number),
      }),
    ]);
    expect(lines.filter((line) => line.reqId === inventedId)).toEqual([expect.objectContaining({ url: '/health', status: 200 })]);
    // Nest's own start-up messages are JSON too.
    expect(lines).toContainEqual(expect.objectContaining({ level: 'info', context: 'Lectern', msg: expect.stringContaining('/graphql') }));
  });

  it('keeps agenda tokens and Authorization headers out of the log', async () => {
    const secret = 'a9Zk3secretAgendaToken';
    const response = await fetch(`${lectern.url}/calendars/agendas/${secret}.ics`, { headers: { authorization: 'Bearer hunter2-token' } });
    const id = response.headers.get('x-request-id');
    await waitFor(() => logLines().some((line) => line.reqId === id));
    expect(logLines().find((line) => line.reqId === id)).toEqual(expect.objectContaining({ url: '/calendars/agendas/[redacted].ics' }));
    expect(lectern.output()).not.toContain(secret);
    expect(lectern.output()).not.toContain('hunter2');
  });

  it('keeps tokens sent in a GraphQL query over GET out of the log', async () => {
    const inQuery = 'Qx7agendaTokenInTheQueryText0000000000000000';
    const inVariables = 'Vv7agendaTokenInTheVariables000000000000000';
    const query = encodeURIComponent(`{ agenda(token: "${inQuery}") { readToken } }`);
    const asLiteral = await fetch(`${lectern.url}/graphql?query=${query}`);
    const withVariables = await fetch(
      `${lectern.url}/graphql?query=${encodeURIComponent('query ($t: String!) { agenda(token: $t) { readToken } }')}&variables=${encodeURIComponent(JSON.stringify({ t: inVariables }))}`,
    );
    const ids = [asLiteral.headers.get('x-request-id'), withVariables.headers.get('x-request-id')];
    await waitFor(() => ids.every((id) => logLines().some((line) => line.reqId === id)));
    expect(lectern.output()).not.toContain(inQuery);
    expect(lectern.output()).not.toContain(inVariables);
    // The shape of the query stays readable.
    const logged = logLines().find((line) => line.reqId === ids[0])!;
    expect(decodeURIComponent(String(logged.url))).toBe('/graphql?query={ agenda(token: "[redacted]") { readToken } }');
  });

  it('on SIGTERM finishes the request in flight, then exits 0', async () => {
    // `Expect: 100-continue` makes the server confirm it has the request before the body is sent,
    // so SIGTERM surely arrives while the request is in flight.
    const url = new URL(`${lectern.url}/graphql`);
    const body = JSON.stringify({ query: '{ __typename }' });
    const pending = request({
      host: url.hostname,
      port: url.port,
      path: url.pathname,
      method: 'POST',
      headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body), expect: '100-continue' },
    });
    const answered = new Promise<{ status: number; text: string }>((resolve, reject) => {
      pending.on('response', (response) => {
        let text = '';
        response.on('data', (chunk) => (text += chunk));
        response.on('end', () => resolve({ status: response.statusCode!, text }));
      });
      pending.on('error', reject);
    });
    const inFlight = new Promise<void>((resolve) => pending.on('continue', resolve));
    pending.flushHeaders();
    await inFlight;

    const exited = lectern.stop();
    // Give the signal time to arrive before the body does; the request must still be answered.
    await waitFor(() => lectern.output().includes('SIGTERM'));
    pending.end(body);

    expect(await answered).toEqual({ status: 200, text: JSON.stringify({ data: { __typename: 'Query' } }) });
    expect(await exited).toBe(0);
    expect(logLines()).toContainEqual(expect.objectContaining({ msg: 'Stopped' }));
  });
});

async function waitFor(condition: () => boolean): Promise<void> {
  for (let i = 0; i < 100 && !condition(); i++) await new Promise((resolve) => setTimeout(resolve, 50));
  if (!condition()) throw new Error('The server did not get there within 5 s');
}
