import { EntityManager } from 'typeorm';
import { LocalisedText } from '../common/localisation';
import { Conference } from '../conferences/conference.entity';
import { AppearanceRole } from '../sessions/appearance.entity';
import { SessionFormat, SessionStatus } from '../sessions/session.entity';
import { isPublicConference, publicPart, publicSession } from './public-rule';

/**
 * The programme as the public sees it, live or as one release froze it: the one shape every
 * output formats. A release stores it as JSON, so fields are only ever added (optional), never
 * renamed: releases made before a field existed read without it.
 */
export interface PublishedProgramme {
  conference: PublishedConference;
  /** In time order, unscheduled sessions last. */
  sessions: PublishedSession[];
}

export interface PublishedConference {
  name: string;
  timeZone: string;
  defaultLocale: string;
  venue: string | null;
  city: string | null;
  websiteUrl: string | null;
}

export interface PublishedSession {
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
  /** `color` as Lectern keeps it (#rrggbb); releases made before colours were kept have none. */
  track: { slug: string; name: string; color?: string | null } | null;
  lineUp: PublishedAppearance[];
}

export interface PublishedAppearance {
  speakerId: number;
  speakerSlug: string;
  speakerName: string;
  role: AppearanceRole;
  title: string | null;
  organisation: string | null;
}

type Row = Record<string, unknown>;

/** Instants are stored as fixed-width UTC ISO-8601 text on both engines (see `InstantColumn`), the form the shape keeps. */
const text = (value: unknown) => (value == null ? null : String(value));

export function publishedConference(conference: Conference): PublishedConference {
  return {
    name: conference.name,
    timeZone: conference.timeZone,
    defaultLocale: conference.defaultLocale,
    venue: conference.venue,
    city: conference.city,
    websiteUrl: conference.websiteUrl,
  };
}

/** What the public sees of the conference now; see `readLiveProgrammes`. */
export async function readLiveProgramme(manager: EntityManager, conference: Conference): Promise<PublishedProgramme> {
  return (await readLiveProgrammes(manager, [conference])).get(conference.id)!;
}

/**
 * Reads what the public sees of these conferences now, in two statements whatever their number:
 * their public sessions (with the rooms and tracks the public sees), then every line-up. A
 * conference that is not public shows nothing.
 */
export async function readLiveProgrammes(
  manager: EntityManager,
  conferences: readonly Conference[],
  onlySessions?: readonly number[],
): Promise<Map<number, PublishedProgramme>> {
  const programmes = new Map(
    conferences.map((conference) => [conference.id, { conference: publishedConference(conference), sessions: [] as PublishedSession[] }]),
  );
  const conferenceIds = conferences.filter(isPublicConference).map((conference) => conference.id);
  if (conferenceIds.length === 0 || onlySessions?.length === 0) return programmes;
  // `onlySessions`: these sessions alone, for a programme kept up to date session by session.
  const only = onlySessions ? ` AND "s"."id" IN (:...sessionIds)` : '';
  const query = async (sql: string) => {
    const [statement, parameters] = manager.connection.driver.escapeQueryWithParameters(
      sql,
      { conferenceIds, sessionIds: onlySessions },
      {},
    );
    return (await manager.query(statement, parameters)) as Row[];
  };
  const rows = await query(
    `SELECT "s"."id", "s"."conferenceId", "s"."uid", "s"."title", "s"."abstract", "s"."format", "s"."language", "s"."status", "s"."startsAt", "s"."endsAt", "s"."revision",
       "s"."streamUrl", "s"."recordingUrl", "s"."slidesUrl", "s"."createdAt", "s"."updatedAt",
       "r"."slug" AS "roomSlug", "r"."name" AS "roomName", "r"."streamUrl" AS "roomStreamUrl",
       "t"."slug" AS "trackSlug", "t"."name" AS "trackName", "t"."color" AS "trackColor"
     FROM "sessions" "s"
     LEFT JOIN "rooms" "r" ON "r"."id" = "s"."roomId" AND ${publicPart('"r"')}
     LEFT JOIN "tracks" "t" ON "t"."id" = "s"."trackId" AND ${publicPart('"t"')}
     WHERE "s"."conferenceId" IN (:...conferenceIds) AND ${publicSession('"s"')}${only}`,
  );
  const lineUps = new Map<number, PublishedAppearance[]>();
  const lineUpRows = await query(
    `SELECT "a"."sessionId", "a"."speakerId", "sp"."slug" AS "speakerSlug", "sp"."name" AS "speakerName", "a"."role", "a"."title", "a"."organisation"
     FROM "appearances" "a"
     INNER JOIN "sessions" "s" ON "s"."id" = "a"."sessionId"
     INNER JOIN "speakers" "sp" ON "sp"."id" = "a"."speakerId"
     WHERE "s"."conferenceId" IN (:...conferenceIds) AND ${publicSession('"s"')}${only}
     ORDER BY "a"."sessionId", "a"."position", "a"."id"`,
  );
  for (const row of lineUpRows) {
    const sessionId = Number(row.sessionId);
    const lineUp = lineUps.get(sessionId) ?? [];
    lineUp.push(publishedAppearanceOf(row));
    lineUps.set(sessionId, lineUp);
  }
  for (const row of rows)
    programmes.get(Number(row.conferenceId))!.sessions.push(publishedSessionOf(row, lineUps.get(Number(row.id)) ?? []));
  for (const programme of programmes.values()) programme.sessions.sort(inTimeOrder);
  return programmes;
}

/** A line-up row of the live read (its columns as that statement names them) as the shape keeps it. */
export function publishedAppearanceOf(row: Row): PublishedAppearance {
  return {
    speakerId: Number(row.speakerId),
    speakerSlug: String(row.speakerSlug),
    speakerName: String(row.speakerName),
    role: row.role as AppearanceRole,
    title: text(row.title),
    organisation: text(row.organisation),
  };
}

/** A session row of the live read (its columns as that statement names them) as the shape keeps it, with its line-up. */
export function publishedSessionOf(row: Row, lineUp: PublishedAppearance[]): PublishedSession {
  return {
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
    track: row.trackSlug == null ? null : { slug: String(row.trackSlug), name: String(row.trackName), color: text(row.trackColor) },
    lineUp,
  };
}

/** Time order, then id; unscheduled sessions last (the engines order NULL differently, so this is done here). */
export function inTimeOrder(a: PublishedSession, b: PublishedSession): number {
  if (a.startsAt === b.startsAt) return a.id - b.id;
  if (a.startsAt === null) return 1;
  if (b.startsAt === null) return -1;
  return a.startsAt < b.startsAt ? -1 : 1;
}
