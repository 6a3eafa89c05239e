import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ICAL from 'ical.js';
import { Client } from 'pg';
import { adminTokenFor, ChildLectern, lecternCli, spawnLectern } from '../support/child-lectern';
import { rowId } from '../support/ids';
import { scratchPostgres } from '../support/scratch-postgres';
import { requiringServices } from '../support/environment';

jest.setTimeout(240_000);

/** What a website and an attendee see of the demo programme: the whole of it, with ids. */
const PUBLIC_READS = `{
  conferences(first: 100) {
    totalCount
    edges { node {
      id slug name series edition startDate endDate timeZone defaultLocale venue city websiteUrl organiser status
      description descriptionEn: description(locale: "en")
      rooms { id slug name online streamUrl capacity position }
      tracks { id slug name color position }
      sessions(first: 100) { totalCount edges { node {
        id uid revision format language status published title titleEn: title(locale: "en") abstract
        startsAt endsAt timeZone localStartsAt localEndsAt recordingUrl slidesUrl streamUrl createdAt updatedAt
        room { slug } track { slug }
        appearances { id position role title organisation affiliation speaker { slug name } }
        interviews { slug }
      } } }
      speakers(first: 100) { totalCount edges { node { slug name } } }
    } }
  }
  speakers(first: 100) {
    totalCount
    edges { node {
      id slug name otherNames photoUrl createdAt updatedAt
      links { label url }
      bio bioEn: bio(locale: "en") bioSv: bio(locale: "sv") bioNb: bio(locale: "nb")
      appearances { role title organisation session { id title } }
      interviews { slug }
    } }
  }
  interviews(first: 100) {
    totalCount
    edges { node {
      id slug language author publishedOn sourceUrl title lead leadEn: lead(locale: "en")
      conference { slug } session { id } speakers { slug }
      items { id position askedBy question answer answeredBy { slug } }
    } }
  }
}`;

const FEEDS = [
  '/calendars/conferences/internetdagarna-2020.ics',
  '/calendars/conferences/teknologi-og-politikk-2020.ics?locale=en',
  '/calendars/speakers/erik-sandstrom.ics',
];

requiringServices('db:copy from SQLite to PostgreSQL', () => {
  const directory = mkdtempSync(join(tmpdir(), 'lectern-copy-'));
  // The same public address for both servers, so links in the answers compare; and room for the one large query.
  const serving = { RATE_LIMIT: 'off', PUBLIC_BASE_URL: 'https://lectern.example.org', GRAPHQL_MAX_COST: '100000000' };
  const sqlite = { DATABASE_URL: '', SQLITE_PATH: join(directory, 'lectern.sqlite'), ...serving };
  let postgres: Record<string, string>;
  let copyOutput: string;
  const servers: ChildLectern[] = [];
  let onSqlite: ChildLectern;
  let onPostgres: ChildLectern;

  beforeAll(async () => {
    await lecternCli(['demo:load'], sqlite);
    postgres = { DATABASE_URL: await scratchPostgres('lectern_copy'), ...serving };
    copyOutput = await lecternCli(['db:copy', '--from', `sqlite:${sqlite.SQLITE_PATH}`, '--to', postgres.DATABASE_URL], sqlite);
    servers.push((onSqlite = await spawnLectern(sqlite)), (onPostgres = await spawnLectern(postgres)));
  });
  afterAll(async () => {
    await Promise.all(servers.map((server) => server.stop()));
    rmSync(directory, { recursive: true, force: true });
  });

  it('says what it copied, table by table', () => {
    expect(copyOutput).toMatch(/^ {2}sessions: \d+ rows$/m);
    expect(copyOutput).toMatch(/^ {2}speakers: \d+ rows$/m);
    expect(copyOutput).toMatch(/^Copied \d+ rows in \d+ tables to postgres:\/\//m);
  });

  it('gives the same public answers on both engines', async () => {
    const [fromSqlite, fromPostgres] = await Promise.all([read(onSqlite), read(onPostgres)]);
    expect(fromSqlite.conferences.totalCount).toBe(4);
    expect(fromSqlite.interviews.totalCount).toBeGreaterThan(0);
    expect(fromPostgres).toEqual(fromSqlite);
  });

  it('serves the same calendar feeds on both engines', async () => {
    for (const feed of FEEDS) {
      const [fromSqlite, fromPostgres] = await Promise.all([events(onSqlite, feed), events(onPostgres, feed)]);
      expect(fromSqlite.length).toBeGreaterThan(0);
      expect(fromPostgres).toEqual(fromSqlite);
    }
  });

  it('finds the same sessions and speakers by text (search indexes rebuilt)', async () => {
    const query = `{ speakers(text: "sandstr", first: 100) { edges { node { slug } } }
      sessions(conferenceSlug: "internetdagarna-2020", filter: { text: "digital" }, first: 100) { edges { node { id } } } }`;
    const [fromSqlite, fromPostgres] = await Promise.all([graphql(onSqlite, query), graphql(onPostgres, query)]);
    expect(fromSqlite.speakers.edges.length).toBeGreaterThan(0);
    expect(fromPostgres).toEqual(fromSqlite);
  });

  it('numbers new rows on PostgreSQL after the copied ones', async () => {
    const token = await adminTokenFor(postgres);
    const { speakers } = await graphql(onPostgres, '{ speakers(first: 100) { edges { node { id } } } }');
    const created = await graphql(
      onPostgres,
      'mutation { createSpeaker(input: { slug: "new-on-postgres", name: "New On Postgres" }) { id } }',
      token,
    );
    expect(rowId(created.createSpeaker.id)).toBeGreaterThan(
      Math.max(...speakers.edges.map((edge: { node: { id: string } }) => rowId(edge.node.id))),
    );
  });

  it('refuses a target that already holds a programme, and changes nothing there', async () => {
    const before = await countSessions(postgres.DATABASE_URL);
    await expect(lecternCli(['db:copy', '--from', sqlite.SQLITE_PATH, '--to', postgres.DATABASE_URL], sqlite)).rejects.toThrow(
      /already holds data.*--force/s,
    );
    expect(await countSessions(postgres.DATABASE_URL)).toBe(before);
  });

  it('refuses a source that is not a Lectern database', async () => {
    const other = join(directory, 'missing.sqlite');
    await expect(lecternCli(['db:copy', '--from', other, '--to', postgres.DATABASE_URL], sqlite)).rejects.toThrow(/no SQLite database/);
  });
});

async function graphql(server: ChildLectern, query: string, token?: string): Promise<any> {
  const response = await fetch(`${server.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query }),
  });
  const body = (await response.json()) as { data?: any; errors?: unknown[] };
  if (body.errors?.length || !body.data) throw new Error(`GraphQL errors: ${JSON.stringify(body.errors)}`);
  return body.data;
}

function read(server: ChildLectern) {
  return graphql(server, PUBLIC_READS);
}

/** A feed's events as a calendar app reads them; DTSTAMP (when the feed was made) left out. */
async function events(server: ChildLectern, path: string) {
  const response = await fetch(server.url + path);
  expect(response.status).toBe(200);
  const calendar = new ICAL.Component(ICAL.parse(await response.text()));
  return calendar.getAllSubcomponents('vevent').map((vevent) => {
    const event = new ICAL.Event(vevent);
    return {
      uid: event.uid,
      summary: event.summary,
      description: event.description,
      location: event.location,
      start: event.startDate.toString(),
      startZone: event.startDate.zone?.tzid,
      end: event.endDate.toString(),
      sequence: event.sequence,
      status: vevent.getFirstPropertyValue('status'),
      url: vevent.getFirstPropertyValue('url')?.toString(),
    };
  });
}

async function countSessions(url: string): Promise<number> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return Number((await client.query('SELECT COUNT(*) AS count FROM sessions')).rows[0].count);
  } finally {
    await client.end();
  }
}
