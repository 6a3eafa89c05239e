import { randomUUID } from 'node:crypto';
import { SYSTEM_ACTOR } from '../../src/auth/viewer';
import { ConferenceService } from '../../src/conferences/conference.service';
import { ConferenceStatus } from '../../src/conferences/conference.entity';
import { RoomService } from '../../src/conferences/room.service';
import { TrackService } from '../../src/conferences/track.service';
import { SqlLogger } from '../../src/database/sql-logger';
import { Transactions } from '../../src/database/transactions';
import { AppearanceRole } from '../../src/sessions/appearance.entity';
import { AppearanceService } from '../../src/sessions/appearance.service';
import { SessionFormat } from '../../src/sessions/session.entity';
import { SessionService } from '../../src/sessions/session.service';
import { SpeakerService } from '../../src/speakers/speaker.service';
import { Lectern, startLectern } from '../support/lectern';

const PAGE = `query ($first: Int!) {
  sessions(conferenceSlug: "large", first: $first) {
    totalCount
    edges { node { title startsAt localStartsAt room { name } track { name } appearances { role affiliation speaker { name } } } }
  }
}`;

/**
 * Listeners of programme changes (webhooks, live updates) read the database after each commit of
 * the set-up; the statements counted must be the request's alone, so wait until they are done.
 */
async function databaseQuiet(): Promise<void> {
  for (let seen = -1; seen !== SqlLogger.statements;) {
    seen = SqlLogger.statements;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

describe('SQL statements per request', () => {
  let lectern: Lectern;

  beforeAll(async () => {
    lectern = await startLectern();
    await createLargeConference(lectern, 120);
    await databaseQuiet();
  });
  afterAll(() => lectern.close());

  /**
   * The statements one request sends on its own behalf, counted by its X-Request-Id, so that
   * background work meanwhile (webhook polling, bookkeeping writes) is not counted with it.
   */
  async function statementsFor(first: number): Promise<number> {
    const id = `sql-statements-${first}-${randomUUID()}`;
    SqlLogger.countPerRequest = true;
    try {
      const response = await fetch(`${lectern.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-request-id': id },
        body: JSON.stringify({ query: PAGE, variables: { first } }),
      });
      const { data, errors } = (await response.json()) as { data: any; errors?: unknown };
      expect(errors).toBeUndefined();
      expect(data.sessions.edges).toHaveLength(first);
      expect(data.sessions.totalCount).toBe(120);
      expect(data.sessions.edges[first - 1].node.appearances).toHaveLength(2);
    } finally {
      SqlLogger.countPerRequest = false;
    }
    return SqlLogger.statementsOf(id);
  }

  it('does not grow with the page size (no N+1 over rooms, tracks, appearances, speakers)', async () => {
    const counts = [await statementsFor(10), await statementsFor(50), await statementsFor(100)];
    expect(new Set(counts).size).toBe(1);
    // conference, page (with its total), rooms, tracks, appearances with their speakers; at least
    // the first two, so that statements sent outside the request's context would show here.
    expect(counts[0]).toBeGreaterThanOrEqual(2);
    expect(counts[0]).toBeLessThanOrEqual(5);
  });

  /** The statements sent while a request with this query ran, by their text. */
  async function statementTexts(query: string): Promise<{ data: any; statements: string[] }> {
    await databaseQuiet();
    const statements: string[] = [];
    const logged = jest.spyOn(SqlLogger.prototype, 'logQuery').mockImplementation((text: string) => void statements.push(text));
    try {
      const response = await fetch(`${lectern.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query }),
      });
      const { data, errors } = (await response.json()) as { data: any; errors?: unknown };
      expect(errors).toBeUndefined();
      return { data, statements };
    } finally {
      logged.mockRestore();
    }
  }

  const columnsRead = (statements: string[], column: string) => statements.filter((text) => text.includes(`."${column}"`));

  it('reads only the columns a page asks for: no abstracts, search text or bios for titles and names', async () => {
    const { data, statements } = await statementTexts(
      '{ sessions(conferenceSlug: "large", first: 100) { edges { node { title room { name } appearances { speaker { name } } } } } }',
    );
    expect(data.sessions.edges).toHaveLength(100);
    expect(data.sessions.edges[0].node).toEqual({
      title: 'Session 0',
      room: { name: 'Room 0' },
      appearances: [{ speaker: { name: 'Speaker 0' } }, { speaker: { name: 'Speaker 1' } }],
    });
    for (const column of ['abstract', 'searchText', 'notes', 'bio', 'email', 'links']) expect(columnsRead(statements, column)).toEqual([]);
  });

  it('still reads what a page does ask for', async () => {
    const { data, statements } = await statementTexts(
      '{ sessions(conferenceSlug: "large", first: 5) { edges { node { abstract appearances { speaker { bio } } } } } }',
    );
    expect(data.sessions.edges[0].node.appearances[0].speaker).toHaveProperty('bio');
    expect(columnsRead(statements, 'abstract')).not.toEqual([]);
    expect(columnsRead(statements, 'bio')).not.toEqual([]);
  });
});

async function createLargeConference(lectern: Lectern, sessions: number): Promise<void> {
  const get = <T>(type: new (...args: never[]) => T) => lectern.app.get(type);
  await get(Transactions).run(async (manager) => {
    const conference = await get(ConferenceService).create(
      { slug: 'large', name: 'Large', startDate: '2030-05-06', endDate: '2030-05-10', timeZone: 'Europe/Stockholm', defaultLocale: 'en' },
      SYSTEM_ACTOR,
      manager,
    );
    const rooms = [];
    const tracks = [];
    for (let i = 0; i < 8; i++)
      rooms.push(await get(RoomService).create(conference.id, { slug: `room-${i}`, name: `Room ${i}` }, SYSTEM_ACTOR, manager));
    for (let i = 0; i < 4; i++)
      tracks.push(await get(TrackService).create(conference.id, { slug: `track-${i}`, name: `Track ${i}` }, SYSTEM_ACTOR, manager));
    const speakers = [];
    for (let i = 0; i < 60; i++)
      speakers.push(await get(SpeakerService).create({ slug: `speaker-${i}`, name: `Speaker ${i}` }, SYSTEM_ACTOR, manager));
    for (let i = 0; i < sessions; i++) {
      const startsAt = new Date(Date.UTC(2030, 4, 6 + (i % 5), 7 + Math.floor(i / 40), (i % 8) * 5));
      const session = await get(SessionService).create(
        {
          conferenceId: String(conference.id),
          title: [{ locale: 'en', text: `Session ${i}` }],
          format: SessionFormat.TALK,
          language: 'en',
          roomId: String(rooms[i % rooms.length].id),
          trackId: String(tracks[i % tracks.length].id),
          startsAt,
          endsAt: new Date(startsAt.getTime() + 30 * 60_000),
        },
        SYSTEM_ACTOR,
        manager,
      );
      for (const speaker of [speakers[i % 60], speakers[(i + 1) % 60]]) {
        await get(AppearanceService).add(
          { sessionId: String(session.id), speakerId: String(speaker.id), role: AppearanceRole.SPEAKER, organisation: 'Org' },
          SYSTEM_ACTOR,
          manager,
        );
      }
      await get(SessionService).setPublished(String(session.id), true, SYSTEM_ACTOR, manager);
    }
    await get(ConferenceService).setStatus(conference.id, ConferenceStatus.PUBLISHED, SYSTEM_ACTOR, manager);
  });
}
