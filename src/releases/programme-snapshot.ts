import { EntityManager } from 'typeorm';
import { LocalisedText } from '../common/localisation';
import { Conference, ConferenceStatus } from '../conferences/conference.entity';
import { AppearanceRole } from '../sessions/appearance.entity';
import { SessionFormat, SessionStatus } from '../sessions/session.entity';

/** What the public sees of a programme at one moment: the frozen content of a schedule release. */
export interface ProgrammeSnapshot {
  conference: SnapshotConference;
  sessions: SnapshotSession[];
}

export interface SnapshotConference {
  name: string;
  timeZone: string;
  defaultLocale: string;
  venue: string | null;
  city: string | null;
  websiteUrl: string | null;
}

export interface SnapshotSession {
  id: number;
  uid: string;
  title: LocalisedText;
  abstract: LocalisedText;
  format: SessionFormat;
  language: string;
  status: SessionStatus;
  /** UTC ISO-8601, or null while unscheduled. */
  startsAt: string | null;
  endsAt: string | null;
  revision: number;
  streamUrl: string | null;
  recordingUrl: string | null;
  slidesUrl: string | null;
  createdAt: string;
  updatedAt: string;
  room: { slug: string; name: string; streamUrl: string | null } | null;
  track: { slug: string; name: string } | null;
  lineUp: SnapshotAppearance[];
}

export interface SnapshotAppearance {
  speakerId: number;
  speakerSlug: string;
  speakerName: string;
  role: AppearanceRole;
  title: string | null;
  organisation: string | null;
}

type Row = Record<string, unknown>;

const text = (value: unknown) => (value == null ? null : String(value));

/**
 * Reads what the public sees of the conference now, in two statements: its published sessions
 * (with rooms and tracks the public sees), then every line-up. A conference that is not
 * published shows nothing.
 */
export async function readPublishedProgramme(manager: EntityManager, conference: Conference): Promise<ProgrammeSnapshot> {
  const snapshotConference: SnapshotConference = {
    name: conference.name,
    timeZone: conference.timeZone,
    defaultLocale: conference.defaultLocale,
    venue: conference.venue,
    city: conference.city,
    websiteUrl: conference.websiteUrl,
  };
  if (conference.status !== ConferenceStatus.PUBLISHED) return { conference: snapshotConference, sessions: [] };
  const [sessionSql, sessionParameters] = manager.connection.driver.escapeQueryWithParameters(
    `SELECT s."id", s."uid", s."title", s."abstract", s."format", s."language", s."status", s."startsAt", s."endsAt", s."revision",
       s."streamUrl", s."recordingUrl", s."slidesUrl", s."createdAt", s."updatedAt",
       r."slug" AS "roomSlug", r."name" AS "roomName", r."streamUrl" AS "roomStreamUrl", t."slug" AS "trackSlug", t."name" AS "trackName"
     FROM "sessions" s
     LEFT JOIN "rooms" r ON r."id" = s."roomId" AND r."published" = :shown
     LEFT JOIN "tracks" t ON t."id" = s."trackId" AND t."published" = :shown
     WHERE s."conferenceId" = :conferenceId AND s."published" = :shown
     ORDER BY s."startsAt", s."id"`,
    { conferenceId: conference.id, shown: true },
    {},
  );
  const rows: Row[] = await manager.query(sessionSql, sessionParameters);
  const [lineUpSql, lineUpParameters] = manager.connection.driver.escapeQueryWithParameters(
    `SELECT a."sessionId", a."speakerId", sp."slug" AS "speakerSlug", sp."name" AS "speakerName", a."role", a."title", a."organisation"
     FROM "appearances" a
     INNER JOIN "sessions" s ON s."id" = a."sessionId"
     INNER JOIN "speakers" sp ON sp."id" = a."speakerId"
     WHERE s."conferenceId" = :conferenceId AND s."published" = :shown
     ORDER BY a."sessionId", a."position", a."id"`,
    { conferenceId: conference.id, shown: true },
    {},
  );
  const lineUps = new Map<number, SnapshotAppearance[]>();
  for (const row of (await manager.query(lineUpSql, lineUpParameters)) as Row[]) {
    const sessionId = Number(row.sessionId);
    const lineUp = lineUps.get(sessionId) ?? [];
    lineUp.push({
      speakerId: Number(row.speakerId),
      speakerSlug: String(row.speakerSlug),
      speakerName: String(row.speakerName),
      role: row.role as AppearanceRole,
      title: text(row.title),
      organisation: text(row.organisation),
    });
    lineUps.set(sessionId, lineUp);
  }
  const sessions = rows.map((row): SnapshotSession => ({
    id: Number(row.id),
    uid: String(row.uid),
    title: JSON.parse(String(row.title)),
    abstract: JSON.parse(String(row.abstract)),
    format: row.format as SessionFormat,
    language: String(row.language),
    status: row.status as SessionStatus,
    startsAt: text(row.startsAt),
    endsAt: text(row.endsAt),
    revision: Number(row.revision),
    streamUrl: text(row.streamUrl),
    recordingUrl: text(row.recordingUrl),
    slidesUrl: text(row.slidesUrl),
    createdAt: String(row.createdAt),
    updatedAt: String(row.updatedAt),
    room: row.roomSlug == null ? null : { slug: String(row.roomSlug), name: String(row.roomName), streamUrl: text(row.roomStreamUrl) },
    track: row.trackSlug == null ? null : { slug: String(row.trackSlug), name: String(row.trackName) },
    lineUp: lineUps.get(Number(row.id)) ?? [],
  }));
  // Unscheduled sessions last on both engines (their NULL ordering differs).
  sessions.sort((a, b) =>
    a.startsAt === b.startsAt ? a.id - b.id : a.startsAt === null ? 1 : b.startsAt === null ? -1 : a.startsAt < b.startsAt ? -1 : 1,
  );
  return { conference: snapshotConference, sessions };
}
