import { randomUUID } from 'node:crypto';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { EntityManager } from 'typeorm';
import { OrganiserRole } from '../src/auth/organiser.entity';
import { SYSTEM_ACTOR } from '../src/auth/viewer';
import { searchable } from '../src/common/localisation';
import { ConferenceStatus } from '../src/conferences/conference.entity';
import { ConferenceService } from '../src/conferences/conference.service';
import { RoomService } from '../src/conferences/room.service';
import { TrackService } from '../src/conferences/track.service';
import { Transactions } from '../src/database/transactions';
import { OrganiserService } from '../src/organisers/organiser.service';
import { AppearanceService } from '../src/sessions/appearance.service';
import { SessionService } from '../src/sessions/session.service';
import { SpeakerService } from '../src/speakers/speaker.service';
import { asInput, ConferencePlan, FIRST_DAY, LAST_DAY, sessionData, SessionData, SpeakerData, speakerData, TIME_ZONE } from './synthetic';

export const CONFERENCE_SLUG = 'bench-2030';
export const TRACK_SLUG = 'track-01';

/** What the rest of the benchmark needs to know about a generated database. */
export interface GeneratedProgramme {
  plan: ConferencePlan;
  appearances: number;
  conferenceSlug: string;
  trackSlug: string;
  speakerSlug: string;
  /** Sessions whose title the cold-feed measurement changes, one per build. */
  sessionIds: number[];
  /** An admin's bearer token, for the GraphQL mutation that makes the feeds cold. */
  adminToken: string;
  seconds: number;
}

/** Rows per multi-row INSERT: well under SQLite's 32,766 bound parameters at 21 columns a row. */
const ROWS_PER_INSERT = 400;

/**
 * Fills a fresh database (migrated by the app that owns it) with the synthetic conference, in one
 * transaction. The conference, rooms and tracks go through their services (there are few of them).
 * The first speaker and the first session with its line-up also go through the services, and
 * every other row is a raw multi-row insert built the way those services build theirs; the first
 * rows are then compared column by column with what the raw path would have written, so bench data
 * cannot drift from what the application writes.
 */
export async function generateProgramme(app: NestFastifyApplication, plan: ConferencePlan): Promise<GeneratedProgramme> {
  const started = performance.now();
  const get = <T>(type: new (...args: never[]) => T) => app.get(type, { strict: false });
  const speakers = Array.from({ length: plan.speakers }, (_, i) => speakerData(i));
  const sessions = Array.from({ length: plan.sessions }, (_, i) => sessionData(i, plan));
  let appearances = 0;
  let changeable: number[] = [];

  await get(Transactions).run(async (manager) => {
    const conference = await get(ConferenceService).create(
      {
        slug: CONFERENCE_SLUG,
        name: 'Benchmarkdagarna 2030',
        description: asInput({ sv: 'Ett **påhittat** program för att mäta Lectern.', en: 'A **made-up** programme to measure Lectern.' }),
        series: 'Benchmarkdagarna',
        edition: 2030,
        startDate: FIRST_DAY,
        endDate: LAST_DAY,
        timeZone: TIME_ZONE,
        defaultLocale: 'sv',
        venue: 'Stockholmsmässan',
        city: 'Stockholm',
        websiteUrl: 'https://example.org/bench-2030',
        organiser: 'Lectern',
      },
      SYSTEM_ACTOR,
      manager,
    );
    const roomIds: number[] = [];
    for (let i = 0; i < plan.rooms; i++) {
      const online = i % 10 === 9;
      const room = await get(RoomService).create(
        conference.id,
        {
          slug: `room-${String(i + 1).padStart(3, '0')}`,
          name: online ? `Online ${i + 1}` : `Sal ${i + 1}`,
          capacity: 50 + (i % 5) * 50,
          streamUrl: online ? `https://stream.example.org/${i + 1}` : null,
          position: i,
        },
        SYSTEM_ACTOR,
        manager,
      );
      roomIds.push(room.id);
    }
    const trackIds: number[] = [];
    for (let i = 0; i < plan.tracks; i++) {
      const track = await get(TrackService).create(
        conference.id,
        {
          slug: `track-${String(i + 1).padStart(2, '0')}`,
          name: `Spår ${i + 1}`,
          color: `#${(0x224466 + i * 0x0a0b0c).toString(16).slice(-6)}`,
          position: i,
        },
        SYSTEM_ACTOR,
        manager,
      );
      trackIds.push(track.id);
    }

    const first = await get(SpeakerService).create(
      {
        slug: speakers[0].slug,
        name: speakers[0].name,
        bio: asInput(speakers[0].bio),
        photoUrl: speakers[0].photoUrl,
        links: speakers[0].links,
        conferenceId: String(conference.id),
      },
      SYSTEM_ACTOR,
      manager,
    );
    const speakerIds = speakers.map((_, i) => first.id + i);
    const now = new Date().toISOString();
    await insertRows(
      manager,
      'speakers',
      SPEAKER_COLUMNS,
      speakers.slice(1).map((speaker, i) => speakerRow(speaker, speakerIds[i + 1], now)),
    );

    const probe = sessions[0];
    const created = await get(SessionService).create(
      {
        conferenceId: String(conference.id),
        title: asInput(probe.title),
        abstract: asInput(probe.abstract),
        format: probe.format,
        language: probe.language,
        status: probe.status,
        roomId: String(roomIds[probe.room]),
        trackId: probe.track === null ? null : String(trackIds[probe.track]),
        startsAt: probe.startsAt,
        endsAt: probe.endsAt,
      },
      SYSTEM_ACTOR,
      manager,
    );
    for (const appearance of probe.lineUp) {
      await get(AppearanceService).add(
        {
          sessionId: String(created.id),
          speakerId: String(speakerIds[appearance.speaker]),
          role: appearance.role,
          title: appearance.title,
          organisation: appearance.organisation,
        },
        SYSTEM_ACTOR,
        manager,
      );
    }
    await get(SessionService).setPublished(String(created.id), true, SYSTEM_ACTOR, manager);

    const sessionIds = sessions.map((_, i) => created.id + i);
    changeable = sessionIds.slice(0, 20);
    const ids = { conferenceId: conference.id, roomIds, trackIds, speakerIds };
    await insertRows(
      manager,
      'sessions',
      SESSION_COLUMNS,
      sessions.slice(1).map((session, i) => sessionRow(session, sessionIds[i + 1], ids, now)),
    );
    const lineUps = sessions
      .slice(1)
      .flatMap((session, i) => session.lineUp.map((appearance, position) => appearanceRow(appearance, position, sessionIds[i + 1], ids)));
    await insertRows(manager, 'appearances', APPEARANCE_COLUMNS, lineUps);
    appearances = lineUps.length + probe.lineUp.length;

    await get(ConferenceService).setStatus(conference.id, ConferenceStatus.PUBLISHED, SYSTEM_ACTOR, manager);
    await checkAgainstServices(manager, { speaker: speakers[0], speakerId: first.id, session: probe, sessionId: created.id, ids });
  });

  const organisers = get(OrganiserService);
  const admin = await organisers.create({ name: 'Benchmark admin', role: OrganiserRole.ADMIN }, SYSTEM_ACTOR);
  const { secret } = await organisers.issueToken({ name: 'bench', organiserId: String(admin.id) }, SYSTEM_ACTOR);

  return {
    plan,
    appearances,
    conferenceSlug: CONFERENCE_SLUG,
    trackSlug: TRACK_SLUG,
    speakerSlug: speakers[0].slug,
    sessionIds: changeable,
    adminToken: secret,
    seconds: (performance.now() - started) / 1000,
  };
}

interface Ids {
  conferenceId: number;
  roomIds: number[];
  trackIds: number[];
  speakerIds: number[];
}

const SPEAKER_COLUMNS = ['id', 'slug', 'name', 'otherNames', 'bio', 'photoUrl', 'links', 'email', 'searchText', 'createdAt', 'updatedAt'];

/** A speaker as SpeakerService writes one (simple-json columns are JSON.stringify'd by TypeORM). */
function speakerRow(speaker: SpeakerData, id: number, now: string): unknown[] {
  const otherNames: string[] = [];
  return [
    id,
    speaker.slug,
    speaker.name,
    JSON.stringify(otherNames),
    JSON.stringify(speaker.bio),
    speaker.photoUrl,
    JSON.stringify(speaker.links),
    null,
    searchable(speaker.name, otherNames.join(' ')),
    now,
    now,
  ];
}

const SESSION_COLUMNS = [
  'id',
  'uid',
  'conferenceId',
  'title',
  'abstract',
  'format',
  'language',
  'roomId',
  'trackId',
  'startsAt',
  'endsAt',
  'status',
  'published',
  'notes',
  'recordingUrl',
  'slidesUrl',
  'streamUrl',
  'revision',
  'searchText',
  'createdAt',
  'updatedAt',
];

/**
 * A session as SessionService.create, AppearanceService.add (each bumps the revision) and
 * setPublished leave it. Booleans are 1/0 on SQLite, instants fixed-width UTC ISO text.
 */
function sessionRow(session: SessionData, id: number, ids: Ids, now: string): unknown[] {
  return [
    id,
    randomUUID(),
    ids.conferenceId,
    JSON.stringify(session.title),
    JSON.stringify(session.abstract),
    session.format,
    session.language,
    ids.roomIds[session.room],
    session.track === null ? null : ids.trackIds[session.track],
    session.startsAt.toISOString(),
    session.endsAt.toISOString(),
    session.status,
    1,
    null,
    null,
    null,
    null,
    session.lineUp.length,
    searchable(session.title, session.abstract),
    now,
    now,
  ];
}

const APPEARANCE_COLUMNS = ['sessionId', 'speakerId', 'role', 'position', 'title', 'organisation'];

function appearanceRow(appearance: SessionData['lineUp'][number], position: number, sessionId: number, ids: Ids): unknown[] {
  return [sessionId, ids.speakerIds[appearance.speaker], appearance.role, position, appearance.title, appearance.organisation];
}

async function insertRows(manager: EntityManager, table: string, columns: string[], rows: unknown[][]): Promise<void> {
  const tuple = `(${columns.map(() => '?').join(', ')})`;
  const names = columns.map((column) => `"${column}"`).join(', ');
  for (let from = 0; from < rows.length; from += ROWS_PER_INSERT) {
    const chunk = rows.slice(from, from + ROWS_PER_INSERT);
    await manager.query(`INSERT INTO "${table}" (${names}) VALUES ${chunk.map(() => tuple).join(', ')}`, chunk.flat());
  }
}

/** Fails the run if the services wrote the first speaker, session or line-up differently from the raw rows. */
async function checkAgainstServices(
  manager: EntityManager,
  probe: { speaker: SpeakerData; speakerId: number; session: SessionData; sessionId: number; ids: Ids },
): Promise<void> {
  const compare = async (table: string, columns: string[], expected: unknown[], id: number, skip: string[]) => {
    const [row] = await manager.query(`SELECT * FROM "${table}" WHERE "id" = ?`, [id]);
    columns.forEach((column, i) => {
      if (skip.includes(column)) return;
      if (row[column] !== expected[i]) {
        throw new Error(
          `bench data differs from the services' in ${table}.${column}: ${JSON.stringify(row[column])} vs ${JSON.stringify(expected[i])}`,
        );
      }
    });
  };
  const stamps = ['createdAt', 'updatedAt'];
  await compare('speakers', SPEAKER_COLUMNS, speakerRow(probe.speaker, probe.speakerId, ''), probe.speakerId, stamps);
  await compare('sessions', SESSION_COLUMNS, sessionRow(probe.session, probe.sessionId, probe.ids, ''), probe.sessionId, [
    'uid',
    ...stamps,
  ]);
  const lineUp = await manager.query(`SELECT * FROM "appearances" WHERE "sessionId" = ? ORDER BY "position"`, [probe.sessionId]);
  probe.session.lineUp.forEach((appearance, position) => {
    const expected = appearanceRow(appearance, position, probe.sessionId, probe.ids);
    APPEARANCE_COLUMNS.forEach((column, i) => {
      if (lineUp[position]?.[column] !== expected[i]) throw new Error(`bench data differs from the services' in appearances.${column}`);
    });
  });
}
