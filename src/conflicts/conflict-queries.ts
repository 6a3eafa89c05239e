import { DateTime } from 'luxon';
import { EntityManager } from 'typeorm';
import { Conference } from '../conferences/conference.entity';
import { AppearanceRole } from '../sessions/appearance.entity';
import { SessionFormat, SessionStatus } from '../sessions/session.entity';

/**
 * One statement per kind of conflict, each set-based (self-joins on overlapping intervals,
 * NOT EXISTS, grouping), written once for SQLite and PostgreSQL. Instants are fixed-width UTC
 * text, so `a.startsAt < b.endsAt AND b.startsAt < a.endsAt` compares instants on both engines,
 * whatever daylight saving does to local clocks. Cancelled sessions never conflict.
 */

/** What a message needs of a session, read along with the conflict. */
export interface SessionFacts {
  id: number;
  title: string;
  startsAt: string | null;
  endsAt: string | null;
  published: boolean;
  conferenceId: number;
  conferencePublished: boolean;
}

export interface PairRow {
  first: SessionFacts;
  second: SessionFacts;
  speakerId?: number;
  speakerName?: string;
  roomId?: number;
  roomName?: string;
}

export interface SingleRow {
  session: SessionFacts;
  roomId?: number | null;
  roomName?: string | null;
  trackId?: number | null;
  trackName?: string | null;
  people?: number;
  moderators?: number;
  format?: SessionFormat;
}

export interface UnavailableRow {
  session: SessionFacts;
  speakerId: number;
  speakerName: string;
  from: string;
  until: string;
}

export interface SpeakerRow {
  speakerId: number;
  speakerName: string;
  sessionIds: number[];
}

type Row = Record<string, unknown>;

const FACTS = ['id', 'title', 'startsAt', 'endsAt', 'published', 'conferenceId'] as const;

function facts(session: string, conference: string, prefix: string): string {
  return [
    ...FACTS.map((column) => `${session}."${column}" AS "${prefix}_${column}"`),
    `${conference}."status" AS "${prefix}_conferenceStatus"`,
  ].join(', ');
}

function readFacts(row: Row, prefix: string): SessionFacts {
  const value = (column: string) => row[`${prefix}_${column}`];
  return {
    id: Number(value('id')),
    title: String(value('title')),
    startsAt: value('startsAt') == null ? null : String(value('startsAt')),
    endsAt: value('endsAt') == null ? null : String(value('endsAt')),
    published: truthy(value('published')),
    conferenceId: Number(value('conferenceId')),
    conferencePublished: value('conferenceStatus') === 'PUBLISHED',
  };
}

const truthy = (value: unknown) => value === true || value === 1 || value === '1' || value === 't';

const OVERLAP = (a: string, b: string) =>
  `${a}."startsAt" IS NOT NULL AND ${b}."startsAt" IS NOT NULL AND ${a}."startsAt" < ${b}."endsAt" AND ${b}."startsAt" < ${a}."endsAt"`;

export class ConflictQueries {
  constructor(
    private readonly manager: EntityManager,
    private readonly conference: Conference,
  ) {}

  /** A person in two sessions at once, in this conference or across conferences. */
  async speakerDoubleBookings(): Promise<PairRow[]> {
    const rows = await this.query(
      `SELECT ${facts('s1', 'c1', 'a')}, ${facts('s2', 'c2', 'b')}, a1."speakerId" AS "speakerId", sp."name" AS "speakerName"
       FROM "sessions" s1
       INNER JOIN "conferences" c1 ON c1."id" = s1."conferenceId"
       INNER JOIN "appearances" a1 ON a1."sessionId" = s1."id"
       INNER JOIN "appearances" a2 ON a2."speakerId" = a1."speakerId" AND a2."sessionId" <> s1."id"
       INNER JOIN "sessions" s2 ON s2."id" = a2."sessionId"
       INNER JOIN "conferences" c2 ON c2."id" = s2."conferenceId"
       INNER JOIN "speakers" sp ON sp."id" = a1."speakerId"
       WHERE s1."conferenceId" = :conferenceId
         AND s1."status" <> :cancelled AND s2."status" <> :cancelled
         AND ${OVERLAP('s1', 's2')}
         AND (s2."conferenceId" <> :conferenceId OR s1."id" < s2."id")
       ORDER BY s1."startsAt", s1."id", s2."id", a1."speakerId"`,
    );
    return rows.map((row) => ({
      first: readFacts(row, 'a'),
      second: readFacts(row, 'b'),
      speakerId: Number(row.speakerId),
      speakerName: String(row.speakerName),
    }));
  }

  /**
   * Sessions at a time one of their speakers marked they cannot speak (the speaker's page keeps
   * these in "speaker_unavailability"), one row per session, speaker and period.
   */
  async speakersUnavailable(): Promise<UnavailableRow[]> {
    const rows = await this.query(
      `SELECT ${facts('s', 'c', 's')}, sp."id" AS "speakerId", sp."name" AS "speakerName", u."startsAt" AS "unavailableFrom", u."endsAt" AS "unavailableUntil"
       FROM "sessions" s
       INNER JOIN "conferences" c ON c."id" = s."conferenceId"
       INNER JOIN "appearances" a ON a."sessionId" = s."id"
       INNER JOIN "speaker_unavailability" u ON u."speakerId" = a."speakerId" AND ${OVERLAP('s', 'u')}
       INNER JOIN "speakers" sp ON sp."id" = a."speakerId"
       WHERE s."conferenceId" = :conferenceId AND s."status" <> :cancelled
       ORDER BY s."startsAt", s."id", sp."id", u."startsAt", u."id"`,
    );
    return rows.map((row) => ({
      session: readFacts(row, 's'),
      speakerId: Number(row.speakerId),
      speakerName: String(row.speakerName),
      from: String(row.unavailableFrom),
      until: String(row.unavailableUntil),
    }));
  }

  /**
   * Two sessions in one room at once. Each pair is found from the session that starts first (the
   * lower id on a tie): the other then overlaps exactly when it starts before the first ends, a
   * range the (conferenceId, startsAt) index answers without comparing every pair. A hackathon
   * holds its room for days while talks and check-ins happen in it, so a hackathon and a session
   * within its room do not clash; two hackathons do.
   */
  async roomDoubleBookings(): Promise<PairRow[]> {
    const rows = await this.query(
      `SELECT ${facts('s1', 'c', 'a')}, ${facts('s2', 'c', 'b')}, r."id" AS "roomId", r."name" AS "roomName"
       FROM "sessions" s1
       INNER JOIN "conferences" c ON c."id" = s1."conferenceId"
       INNER JOIN "sessions" s2 ON s2."conferenceId" = s1."conferenceId" AND s2."roomId" = s1."roomId"
         AND s2."startsAt" >= s1."startsAt" AND s2."startsAt" < s1."endsAt"
         AND (s2."startsAt" > s1."startsAt" OR s1."id" < s2."id")
       INNER JOIN "rooms" r ON r."id" = s1."roomId"
       WHERE s1."conferenceId" = :conferenceId AND s1."startsAt" IS NOT NULL
         AND s1."status" <> :cancelled AND s2."status" <> :cancelled
         AND ((s1."format" = 'HACKATHON') = (s2."format" = 'HACKATHON'))
       ORDER BY s1."startsAt", s1."id", s2."id"`,
    );
    return rows.map((row) => ({
      first: readFacts(row, 'a'),
      second: readFacts(row, 'b'),
      roomId: Number(row.roomId),
      roomName: String(row.roomName),
    }));
  }

  /** Sessions that begin before the first day or end after the last, in the conference's zone. */
  async outsideConferenceDays(): Promise<SingleRow[]> {
    const { startDate, endDate, timeZone } = this.conference;
    const firstInstant = DateTime.fromISO(startDate, { zone: timeZone }).startOf('day').toUTC().toISO();
    const afterLastInstant = DateTime.fromISO(endDate, { zone: timeZone }).plus({ days: 1 }).startOf('day').toUTC().toISO();
    const rows = await this.query(
      `SELECT ${facts('s', 'c', 's')}
       FROM "sessions" s INNER JOIN "conferences" c ON c."id" = s."conferenceId"
       WHERE s."conferenceId" = :conferenceId AND s."status" <> :cancelled AND s."startsAt" IS NOT NULL
         AND (s."startsAt" < :firstInstant OR s."endsAt" > :afterLastInstant)
       ORDER BY s."startsAt", s."id"`,
      { firstInstant, afterLastInstant },
    );
    return rows.map((row) => ({ session: readFacts(row, 's') }));
  }

  /** Sessions in a room that has availability windows, but within none of them. */
  async outsideRoomAvailability(): Promise<SingleRow[]> {
    const rows = await this.query(
      `SELECT ${facts('s', 'c', 's')}, r."id" AS "roomId", r."name" AS "roomName"
       FROM "sessions" s
       INNER JOIN "conferences" c ON c."id" = s."conferenceId"
       INNER JOIN "rooms" r ON r."id" = s."roomId"
       WHERE s."conferenceId" = :conferenceId AND s."status" <> :cancelled AND s."startsAt" IS NOT NULL
         AND EXISTS (SELECT 1 FROM "room_availability" w WHERE w."roomId" = s."roomId")
         AND NOT EXISTS (
           SELECT 1 FROM "room_availability" w
           WHERE w."roomId" = s."roomId" AND w."startsAt" <= s."startsAt" AND s."endsAt" <= w."endsAt"
         )
       ORDER BY s."startsAt", s."id"`,
    );
    return rows.map((row) => ({ session: readFacts(row, 's'), roomId: Number(row.roomId), roomName: String(row.roomName) }));
  }

  /** Talks and keynotes without a speaker; panels with fewer than two panellists or no moderator. */
  async lineUpGaps(): Promise<SingleRow[]> {
    const rows = await this.query(
      `SELECT ${facts('s', 'c', 's')}, s."format" AS "format",
         COUNT(a."id") AS "people",
         SUM(CASE WHEN a."role" = :moderator THEN 1 ELSE 0 END) AS "moderators"
       FROM "sessions" s
       INNER JOIN "conferences" c ON c."id" = s."conferenceId"
       LEFT JOIN "appearances" a ON a."sessionId" = s."id"
       WHERE s."conferenceId" = :conferenceId AND s."status" <> :cancelled AND s."format" IN (:...formats)
       GROUP BY s."id", s."title", s."startsAt", s."endsAt", s."published", s."conferenceId", c."status", s."format"
       HAVING (s."format" <> :panel AND COUNT(a."id") = 0)
         OR (s."format" = :panel AND (COUNT(a."id") - SUM(CASE WHEN a."role" = :moderator THEN 1 ELSE 0 END) < 2
                                      OR SUM(CASE WHEN a."role" = :moderator THEN 1 ELSE 0 END) = 0))
       ORDER BY s."startsAt", s."id"`,
      {
        moderator: AppearanceRole.MODERATOR,
        panel: SessionFormat.PANEL,
        formats: [SessionFormat.TALK, SessionFormat.KEYNOTE, SessionFormat.PANEL],
      },
    );
    return rows.map((row) => ({
      session: readFacts(row, 's'),
      format: row.format as SessionFormat,
      people: Number(row.people),
      moderators: Number(row.moderators ?? 0),
    }));
  }

  /**
   * Speakers of the conference without a bio in its default locale. Bios are JSON text written by
   * one serialiser (`{"sv":"…"}`, empty texts dropped), so a key shows as `"sv":"` followed by text;
   * quotes inside a text are escaped and cannot fake one.
   */
  async speakersWithoutBio(): Promise<SpeakerRow[]> {
    const rows = await this.query(
      `SELECT sp."id" AS "speakerId", sp."name" AS "speakerName", s."id" AS "sessionId"
       FROM "speakers" sp
       INNER JOIN "appearances" a ON a."speakerId" = sp."id"
       INNER JOIN "sessions" s ON s."id" = a."sessionId"
       WHERE s."conferenceId" = :conferenceId AND s."status" <> :cancelled AND sp."bio" NOT LIKE :bioKey
       ORDER BY sp."name", sp."id", s."id"`,
      { bioKey: `%"${this.conference.defaultLocale}":"_%` },
    );
    const speakers = new Map<number, SpeakerRow>();
    for (const row of rows) {
      const id = Number(row.speakerId);
      const speaker = speakers.get(id) ?? { speakerId: id, speakerName: String(row.speakerName), sessionIds: [] };
      speaker.sessionIds.push(Number(row.sessionId));
      speakers.set(id, speaker);
    }
    return [...speakers.values()];
  }

  /** Published sessions whose room or track the public does not see. */
  async hiddenPlaces(): Promise<SingleRow[]> {
    const rows = await this.query(
      `SELECT ${facts('s', 'c', 's')}, r."id" AS "roomId", r."name" AS "roomName", t."id" AS "trackId", t."name" AS "trackName"
       FROM "sessions" s
       INNER JOIN "conferences" c ON c."id" = s."conferenceId"
       LEFT JOIN "rooms" r ON r."id" = s."roomId" AND r."published" = :hidden
       LEFT JOIN "tracks" t ON t."id" = s."trackId" AND t."published" = :hidden
       WHERE s."conferenceId" = :conferenceId AND s."published" = :shown AND (r."id" IS NOT NULL OR t."id" IS NOT NULL)
       ORDER BY s."startsAt", s."id"`,
      { shown: true, hidden: false },
    );
    return rows.map((row) => ({
      session: readFacts(row, 's'),
      roomId: row.roomId == null ? null : Number(row.roomId),
      roomName: row.roomName == null ? null : String(row.roomName),
      trackId: row.trackId == null ? null : Number(row.trackId),
      trackName: row.trackName == null ? null : String(row.trackName),
    }));
  }

  private async query(sql: string, parameters: Record<string, unknown> = {}): Promise<Row[]> {
    const [statement, values] = this.manager.connection.driver.escapeQueryWithParameters(
      sql,
      { conferenceId: this.conference.id, cancelled: SessionStatus.CANCELLED, ...parameters },
      {},
    );
    return this.manager.query(statement, values);
  }
}
