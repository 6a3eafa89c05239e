import { Injectable } from '@nestjs/common';
import { DataSource, SelectQueryBuilder } from 'typeorm';
import { PUBLIC_VIEWER } from '../auth/viewer';
import { parseId } from '../common/entities';
import { notFound } from '../common/errors';
import { Conference } from '../conferences/conference.entity';
import { Room } from '../conferences/room.entity';
import { Track } from '../conferences/track.entity';
import { Appearance } from '../sessions/appearance.entity';
import { Session } from '../sessions/session.entity';
import { SessionFilter } from '../sessions/session.inputs';
import { SessionService } from '../sessions/session.service';
import { readReleaseChoice } from '../releases/release-choice';
import { filterReleasedSessions } from '../releases/programme-filter';
import { ReleaseService } from '../releases/release.service';
import { CalendarAppearance, CalendarSession } from './calendar-session';
import { releasedCalendarSessions } from './released-sessions';

/** The columns a calendar entry needs, and no more (no search text, notes or other links). */
const SESSION_COLUMNS = {
  id: 'session.id',
  uid: 'session.uid',
  title: 'session.title',
  abstract: 'session.abstract',
  format: 'session.format',
  status: 'session.status',
  startsAt: 'session.startsAt',
  endsAt: 'session.endsAt',
  revision: 'session.revision',
  streamUrl: 'session.streamUrl',
  createdAt: 'session.createdAt',
  updatedAt: 'session.updatedAt',
  roomName: 'room.name',
  roomStreamUrl: 'room.streamUrl',
  trackName: 'track.name',
  trackColor: 'track.color',
  conferenceName: 'conference.name',
  timeZone: 'conference.timeZone',
  defaultLocale: 'conference.defaultLocale',
  venue: 'conference.venue',
  city: 'conference.city',
  websiteUrl: 'conference.websiteUrl',
};

type SessionRow = Record<keyof typeof SESSION_COLUMNS, string | number | null>;

interface AppearanceRow {
  sessionId: number;
  role: CalendarAppearance['role'];
  title: string | null;
  organisation: string | null;
  speakerName: string;
}

/**
 * Reads what the feeds show, as lean rows rather than entities: what the public may see (the
 * programme's own `visible` and filter rules), two statements for any number of sessions (the
 * sessions with their room, track and conference; then every line-up at once).
 */
@Injectable()
export class FeedReader {
  constructor(
    private readonly dataSource: DataSource,
    private readonly sessions: SessionService,
    private readonly releases: ReleaseService,
  ) {}

  /** The live published programme, or the release the reader asks for or the conference follows. */
  async ofConference(conference: Conference, filter: SessionFilter, release?: string): Promise<CalendarSession[]> {
    const pinned = await this.releases.pinned(conference, readReleaseChoice(release));
    if (pinned)
      return releasedCalendarSessions(pinned.programme, filterReleasedSessions(pinned.programme.sessions, filter, conference.timeZone));
    const query = this.scheduled().andWhere('session.conferenceId = :conferenceId', { conferenceId: conference.id });
    this.sessions.applyFilter(query, conference, filter, PUBLIC_VIEWER);
    return this.read(query);
  }

  ofSpeaker(speakerId: number): Promise<CalendarSession[]> {
    return this.read(
      this.scheduled().andWhere(
        'EXISTS (SELECT 1 FROM "appearances" "fa" WHERE "fa"."sessionId" = session.id AND "fa"."speakerId" = :speakerId)',
        { speakerId },
      ),
    );
  }

  ofAgenda(agendaId: number): Promise<CalendarSession[]> {
    return this.read(
      this.scheduled().andWhere(
        'session.id IN (SELECT "fas"."sessionId" FROM "agenda_sessions" "fas" WHERE "fas"."agendaId" = :agendaId)',
        {
          agendaId,
        },
      ),
    );
  }

  /** One published session, scheduled or not (its feed is named after it either way). */
  async session(id: string): Promise<CalendarSession> {
    const query = this.sessions.visible(PUBLIC_VIEWER).andWhere('session.id = :id', { id: parseId(id, 'session') });
    const [session] = await this.read(query);
    if (!session) throw notFound('session', 'id', id);
    return session;
  }

  async track(conference: Conference, slug: string): Promise<Track> {
    const track = await this.dataSource.getRepository(Track).findOneBy({ conferenceId: conference.id, slug, published: true });
    if (!track) throw notFound('track', 'track', slug);
    return track;
  }

  async room(conference: Conference, slug: string): Promise<Room> {
    const room = await this.dataSource.getRepository(Room).findOneBy({ conferenceId: conference.id, slug, published: true });
    if (!room) throw notFound('room', 'room', slug);
    return room;
  }

  private scheduled(): SelectQueryBuilder<Session> {
    return this.sessions.visible(PUBLIC_VIEWER).andWhere('session.startsAt IS NOT NULL');
  }

  private async read(query: SelectQueryBuilder<Session>): Promise<CalendarSession[]> {
    // An unpublished room or track is a draft: the session shows without it.
    query
      .innerJoin('session.conference', 'conference')
      .leftJoin('session.room', 'room', 'room.published = :partPublished', { partPublished: true })
      .leftJoin('session.track', 'track', 'track.published = :partPublished')
      .select([]);
    for (const [alias, column] of Object.entries(SESSION_COLUMNS)) query.addSelect(column, alias);
    const rows = await query.orderBy('session.startsAt', 'ASC').addOrderBy('session.id', 'ASC').getRawMany<SessionRow>();
    const lineUps = await this.lineUps(rows.map((row) => Number(row.id)));
    return rows.map((row) => toCalendarSession(row, lineUps.get(Number(row.id)) ?? []));
  }

  private async lineUps(sessionIds: number[]): Promise<Map<number, CalendarAppearance[]>> {
    const lineUps = new Map<number, CalendarAppearance[]>();
    if (sessionIds.length === 0) return lineUps;
    const rows = await this.dataSource
      .createQueryBuilder(Appearance, 'appearance')
      .innerJoin('appearance.speaker', 'speaker')
      .select('appearance.sessionId', 'sessionId')
      .addSelect('appearance.role', 'role')
      .addSelect('appearance.title', 'title')
      .addSelect('appearance.organisation', 'organisation')
      .addSelect('speaker.name', 'speakerName')
      .where('appearance.sessionId IN (:...sessionIds)', { sessionIds })
      .orderBy('appearance.position', 'ASC')
      .addOrderBy('appearance.id', 'ASC')
      .getRawMany<AppearanceRow>();
    for (const { sessionId, ...appearance } of rows) {
      const lineUp = lineUps.get(Number(sessionId)) ?? [];
      lineUp.push(appearance);
      lineUps.set(Number(sessionId), lineUp);
    }
    return lineUps;
  }
}

function toCalendarSession(row: SessionRow, lineUp: CalendarAppearance[]): CalendarSession {
  const text = (value: unknown) => (value === null ? null : String(value));
  const instant = (value: unknown) => (value === null ? null : new Date(String(value)));
  return {
    id: Number(row.id),
    uid: String(row.uid),
    title: JSON.parse(String(row.title)),
    abstract: JSON.parse(String(row.abstract)),
    format: row.format as CalendarSession['format'],
    status: row.status as CalendarSession['status'],
    startsAt: instant(row.startsAt),
    endsAt: instant(row.endsAt),
    revision: Number(row.revision),
    streamUrl: text(row.streamUrl),
    createdAt: new Date(String(row.createdAt)),
    updatedAt: new Date(String(row.updatedAt)),
    room: row.roomName === null ? null : { name: String(row.roomName), streamUrl: text(row.roomStreamUrl) },
    track: row.trackName === null ? null : { name: String(row.trackName), color: text(row.trackColor) },
    conference: {
      name: String(row.conferenceName),
      timeZone: String(row.timeZone),
      defaultLocale: String(row.defaultLocale),
      venue: text(row.venue),
      city: text(row.city),
      websiteUrl: text(row.websiteUrl),
    },
    lineUp,
  };
}
