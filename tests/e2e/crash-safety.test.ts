import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { adminTokenFor, ChildLectern, spawnLectern } from '../support/child-lectern';
import { scratchPostgres } from '../support/scratch-postgres';
import { onPostgres } from '../support/environment';

jest.setTimeout(240_000);

/** Mutations sent in the burst; the server is killed once half of them are answered. */
const BURST = 2_000;
const KILL_AFTER_ANSWERED = 1_000;
const IN_FLIGHT = 6;
const SESSIONS = 10;

/** On PostgreSQL the server gets a pool smaller than the requests in flight, to see the setting hold. */
const POOL_SIZE = 2;

const engines: { name: string; environment: () => Promise<Record<string, string>> }[] = [
  {
    name: 'SQLite',
    environment: async () => ({ DATABASE_URL: '', SQLITE_PATH: join(mkdtempSync(join(tmpdir(), 'lectern-crash-')), 'lectern.sqlite') }),
  },
];
if (onPostgres)
  engines.push({
    name: 'PostgreSQL',
    environment: async () => ({ DATABASE_URL: await scratchPostgres('lectern_crash'), DATABASE_POOL_SIZE: String(POOL_SIZE) }),
  });

describe.each(engines)('a server killed in the middle of a burst of mutations ($name)', ({ environment }) => {
  let env: Record<string, string>;
  let token: string;
  let server: ChildLectern | undefined;

  beforeAll(async () => {
    env = { ...(await environment()), RATE_LIMIT: 'off', LOG_LEVEL: 'error' };
    token = await adminTokenFor(env);
  });
  afterAll(async () => {
    await server?.stop();
    if (env.SQLITE_PATH) rmSync(join(env.SQLITE_PATH, '..'), { recursive: true, force: true });
  });

  it('keeps every answered mutation, whole, after a restart', async () => {
    server = await spawnLectern(env);
    const graphql = graphqlAt(server.url, token);
    const conference = await graphql(`
      mutation {
        createConference(
          input: {
            slug: "crash-2020"
            name: "Crash 2020"
            startDate: "2020-11-24"
            endDate: "2020-11-25"
            timeZone: "Europe/Stockholm"
            defaultLocale: "sv"
          }
        ) {
          id
        }
      }
    `);
    const sessionIds: string[] = [];
    for (let i = 0; i < SESSIONS; i++) {
      const created = await graphql(
        `
          mutation ($input: CreateSessionInput!) {
            createSession(input: $input) {
              id
            }
          }
        `,
        {
          input: {
            conferenceId: conference.createConference.id,
            title: [{ locale: 'sv', text: `Pass ${i}` }],
            format: 'PANEL',
            language: 'sv',
          },
        },
      );
      sessionIds.push(created.createSession.id);
    }

    // Each speaker is created, then added to a session: the second mutation inserts the
    // appearance, renumbers the line-up and bumps the session's revision in one transaction.
    const answeredSpeakers = new Map<string, string>();
    const answeredAppearances = new Map<string, { sessionId: string; slug: string }>();
    let answered = 0;
    let sent = 0;
    let killed: Promise<void> | undefined;
    const victim = server;
    const count = () => {
      answered++;
      if (answered >= KILL_AFTER_ANSWERED && !killed) killed = victim.kill();
    };
    let next = 0;
    const worker = async () => {
      while (!killed && next < BURST / 2) {
        const i = next++;
        const slug = `crash-${i}`;
        sent++;
        const speaker = await graphql(`mutation { createSpeaker(input: { slug: "${slug}", name: "Crash Speaker ${i}" }) { id } }`).catch(
          () => undefined,
        );
        if (!speaker) return;
        answeredSpeakers.set(slug, speaker.createSpeaker.id);
        count();
        if (killed) return;
        const sessionId = sessionIds[i % SESSIONS];
        sent++;
        const appearance = await graphql(
          `mutation { addAppearance(input: { sessionId: "${sessionId}", speakerId: "${speaker.createSpeaker.id}" }) { id } }`,
        ).catch(() => undefined);
        if (!appearance) return;
        answeredAppearances.set(appearance.addAppearance.id, { sessionId, slug });
        count();
      }
    };
    const connections = env.DATABASE_URL ? watchConnections(env.DATABASE_URL) : undefined;
    await Promise.all(Array.from({ length: IN_FLIGHT }, worker));
    await killed;
    // DATABASE_POOL_SIZE reaches pg: never more connections than that, however many requests wait.
    if (connections) {
      const most = await connections.stop();
      expect(most).toBeGreaterThan(0);
      expect(most).toBeLessThanOrEqual(POOL_SIZE);
    }
    expect(killed).toBeDefined();
    expect(sent).toBeGreaterThan(KILL_AFTER_ANSWERED);

    server = await spawnLectern(env);
    const after = graphqlAt(server.url, token);

    // Every speaker whose creation was answered is there.
    const slugs = [...answeredSpeakers.keys()];
    for (let from = 0; from < slugs.length; from += 50) {
      const batch = slugs.slice(from, from + 50);
      const data = await after(`{ ${batch.map((slug, n) => `s${n}: speaker(slug: "${slug}") { id slug }`).join(' ')} }`);
      batch.forEach((slug, n) => expect(data[`s${n}`]).toEqual({ id: answeredSpeakers.get(slug), slug }));
    }

    let appearancesFound = 0;
    for (const sessionId of sessionIds) {
      const { session } = await after(`{ session(id: "${sessionId}") { revision appearances { id position speaker { slug } } } }`);
      const found = new Map<string, string>(
        session.appearances.map((a: { id: string; speaker: { slug: string } }) => [a.id, a.speaker.slug]),
      );
      appearancesFound += found.size;
      // Every answered appearance is there, with its speaker.
      for (const [id, expected] of answeredAppearances) if (expected.sessionId === sessionId) expect(found.get(id)).toBe(expected.slug);
      // Nothing half-written: each appearance came with exactly one revision bump and a line-up numbered without gaps.
      expect(session.revision).toBe(session.appearances.length);
      expect(session.appearances.map((a: { position: number }) => a.position)).toEqual(
        session.appearances.map((_: unknown, n: number) => n),
      );
    }
    expect(appearancesFound).toBeGreaterThanOrEqual(answeredAppearances.size);

    // And the restarted server takes writes again.
    const fresh = await after(`mutation { createSpeaker(input: { slug: "after-the-crash", name: "After The Crash" }) { id } }`);
    expect(fresh.createSpeaker.id).toBeDefined();
  });
});

/** Counts the server's connections to its database until stopped; resolves with the most seen at once. */
function watchConnections(url: string) {
  const client = new Client({ connectionString: url });
  let watching = true;
  let most = 0;
  const watched = (async () => {
    await client.connect();
    while (watching) {
      const { rows } = await client.query(
        'SELECT COUNT(*) AS count FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()',
      );
      most = Math.max(most, Number(rows[0].count));
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    await client.end();
  })();
  return {
    stop: async () => {
      watching = false;
      await watched;
      return most;
    },
  };
}

/** A GraphQL client as the admin; rejects on a failed request or an answer with errors. */
function graphqlAt(url: string, token: string) {
  return async (query: string, variables?: Record<string, unknown>): Promise<any> => {
    const response = await fetch(`${url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ query, variables }),
    });
    const body = (await response.json()) as { data?: any; errors?: { message: string }[] };
    if (body.errors?.length || !body.data) throw new Error(`GraphQL errors: ${JSON.stringify(body.errors)}`);
    return body.data;
  };
}
