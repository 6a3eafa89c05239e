import { createClient, Client as SubscriptionClient } from 'graphql-ws';
import ICAL from 'ical.js';
import WebSocket from 'ws';
import { adminTokenFor, ChildLectern, spawnLectern } from '../support/child-lectern';
import { ENGINE, requiringServices } from '../support/environment';
import { scratchPostgres } from '../support/scratch-postgres';

/**
 * Two Lectern processes on one PostgreSQL database and one Redis, as behind a load balancer:
 * what one instance's mutation changes, the other one shows at once. It brings its own database
 * on the PostgreSQL server DATABASE_URL names.
 */
const env: Record<string, string> = {
  REDIS_URL: ENGINE.redisUrl ?? '',
  // Another run of this test (or a server on the same database) must not hear this run's changes.
  REDIS_PREFIX: `lectern-instances-test:${process.pid}:${Date.now()}`,
  RATE_LIMIT: 'off',
};

const conference = {
  slug: 'two-instances-2016',
  name: 'Umeå Jobbhackathon 2016',
  startDate: '2016-10-21',
  endDate: '2016-10-23',
  timeZone: 'Europe/Stockholm',
  defaultLocale: 'sv',
};

jest.setTimeout(120_000);

requiringServices('two instances behind one address', () => {
  let a: ChildLectern;
  let b: ChildLectern;
  let token: string;
  let sessionId: string;
  const clients: SubscriptionClient[] = [];

  const graphql = async (instance: ChildLectern, query: string, variables: Record<string, unknown> = {}) => {
    const response = await fetch(`${instance.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ query, variables }),
    });
    const body = (await response.json()) as { data?: any; errors?: unknown[] };
    if (body.errors?.length) throw new Error(`GraphQL errors: ${JSON.stringify(body.errors)}`);
    return body.data;
  };
  const retitle = (instance: ChildLectern, text: string) =>
    graphql(instance, 'mutation ($id: ID!, $title: [LocalisedTextInput!]!) { updateSession(id: $id, input: { title: $title }) { id } }', {
      id: sessionId,
      title: [{ locale: 'sv', text }],
    });
  const feed = async (instance: ChildLectern, headers: Record<string, string> = {}) => {
    const response = await fetch(`${instance.url}/calendars/conferences/${conference.slug}.ics`, { headers });
    const text = await response.text();
    const titles =
      response.status === 200
        ? new ICAL.Component(ICAL.parse(text)).getAllSubcomponents('vevent').map((event) => new ICAL.Event(event).summary)
        : [];
    return { status: response.status, etag: response.headers.get('etag'), titles };
  };

  beforeAll(async () => {
    env.DATABASE_URL = await scratchPostgres('lectern_instances');
    a = await spawnLectern(env); // migrates the empty database
    b = await spawnLectern(env);
    token = await adminTokenFor(env);

    const { createConference } = await graphql(a, 'mutation ($input: CreateConferenceInput!) { createConference(input: $input) { id } }', {
      input: conference,
    });
    const { createSession } = await graphql(a, 'mutation ($input: CreateSessionInput!) { createSession(input: $input) { id } }', {
      input: {
        conferenceId: createConference.id,
        title: [{ locale: 'sv', text: 'Öppning' }],
        format: 'TALK',
        language: 'sv',
        startsAt: '2016-10-21T09:00:00+02:00',
        endsAt: '2016-10-21T09:30:00+02:00',
      },
    });
    sessionId = createSession.id;
    await graphql(a, 'mutation ($id: ID!) { publishSession(id: $id) { id } }', { id: sessionId });
    await graphql(a, 'mutation ($id: ID!) { publishConference(id: $id) { id } }', { id: createConference.id });
  });

  afterAll(async () => {
    await Promise.all(clients.map((client) => client.dispose()));
    await Promise.all([a?.stop(), b?.stop()]);
  });

  it("serves from B, right after A's mutation answered, the feed that mutation changed", async () => {
    const before = await feed(b);
    expect(before.titles).toEqual(['Öppning']);

    // A calendar app revalidating its copy: B must not answer 304 for what A has just changed.
    await retitle(a, 'Välkommen');
    const revalidated = await feed(b, { 'if-none-match': before.etag! });
    expect(revalidated.status).toBe(200);
    expect(revalidated.titles).toEqual(['Välkommen']);
    expect(revalidated.etag).not.toBe(before.etag);

    await retitle(a, 'Välkommen till Umeå');
    const fetched = await feed(b);
    expect(fetched.titles).toEqual(['Välkommen till Umeå']);
    expect(fetched.etag).not.toBe(revalidated.etag);

    // And B, unchanged since, still answers the new copy 304.
    expect((await feed(b, { 'if-none-match': fetched.etag! })).status).toBe(304);
  });

  it('tells a subscriber on B of a mutation made on A', async () => {
    const heard: any[] = [];
    const client = createClient({ url: `${b.url.replace('http', 'ws')}/graphql`, webSocketImpl: WebSocket, retryAttempts: 0 });
    clients.push(client);
    const failed = new Promise<never>((_, reject) =>
      client.subscribe(
        {
          query: 'subscription ($id: ID!) { sessionChanged(id: $id) { kind sessionId session { title } conference { slug } } }',
          variables: { id: sessionId },
        },
        { next: (message) => void heard.push(message), error: reject, complete: () => undefined },
      ),
    );
    failed.catch(() => undefined);

    // The subscription is open once B has subscribed in Redis, which the client is not told of:
    // retitle on A until B's subscriber hears one.
    const titles: string[] = [];
    for (let attempt = 1; heard.length === 0 && attempt <= 50; attempt++) {
      titles.push(`Live ${attempt}`);
      await Promise.race([retitle(a, titles.at(-1)!), failed]);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect(heard.length).toBeGreaterThan(0);
    const change = heard[0].data.sessionChanged;
    expect(change).toEqual({
      kind: 'SESSION_RETITLED',
      sessionId,
      session: { title: expect.any(String) },
      conference: { slug: conference.slug },
    });
    expect(titles).toContain(change.session.title);
  });

  it('stops both with exit code 0', async () => {
    expect(await a.stop()).toBe(0);
    expect(await b.stop()).toBe(0);
  });
});
