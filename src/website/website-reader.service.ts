import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { PUBLIC_VIEWER } from '../auth/viewer';
import { Conference } from '../conferences/conference.entity';
import { ConferenceService } from '../conferences/conference.service';
import { visiblePart } from '../conferences/conference-part.service';
import { Room } from '../conferences/room.entity';
import { RoomService } from '../conferences/room.service';
import { Track } from '../conferences/track.entity';
import { TrackService } from '../conferences/track.service';
import { InterviewItem } from '../interviews/interview-item.entity';
import { Interview } from '../interviews/interview.entity';
import { InterviewService } from '../interviews/interview.service';
import { Appearance } from '../sessions/appearance.entity';
import { AppearanceService } from '../sessions/appearance.service';
import { Session } from '../sessions/session.entity';
import { SessionService } from '../sessions/session.service';
import { SpeakerDirectory } from '../sessions/speaker-directory.service';
import { Speaker } from '../speakers/speaker.entity';
import { SpeakerService } from '../speakers/speaker.service';
import { isPublicSession, publicSession } from '../published/public-rule';

/** A public session as a website shows it, with where and when, and who else takes part. */
export interface PublicSession {
  session: Session;
  conference: Conference;
  room: Room | null;
  track: Track | null;
  lineUp: Appearance[];
}

export interface PublicAppearance {
  appearance: Appearance;
  session: PublicSession;
}

export interface PublicInterview {
  interview: Interview;
  conference: Conference | null;
  speakers: Speaker[];
  items: InterviewItem[];
}

export interface PublicSpeaker {
  speaker: Speaker;
  /** The default locale of the published conference the person last appeared at. */
  defaultLocale: string | undefined;
  /** Oldest first. */
  appearances: PublicAppearance[];
  interviews: PublicInterview[];
}

/** One speaker, or where the slug asked for leads (another slug of a public speaker). */
export type SpeakerLookup = { speaker: PublicSpeaker } | { ownSlug: string };

/** A conference's speaker wall can be long, but not endless. */
const WALL_MAX = 1000;

/**
 * What websites may show, read as the public reads it (published only, whatever token a request
 * carries): a few batched statements per answer, whatever the number of speakers.
 */
@Injectable()
export class WebsiteReader {
  constructor(
    private readonly dataSource: DataSource,
    private readonly speakers: SpeakerService,
    private readonly directory: SpeakerDirectory,
    private readonly conferences: ConferenceService,
    private readonly rooms: RoomService,
    private readonly tracks: TrackService,
    private readonly sessions: SessionService,
    private readonly appearances: AppearanceService,
    private readonly interviews: InterviewService,
  ) {}

  async speaker(slug: string): Promise<SpeakerLookup> {
    const ownSlug = await this.directory.ownSlugFor(slug, PUBLIC_VIEWER);
    if (ownSlug !== undefined) return { ownSlug };
    const [found] = await this.complete([await this.directory.bySlug(slug, PUBLIC_VIEWER)]);
    return { speaker: found };
  }

  /** A published conference and everyone in its published programme, by name, with their parts in it. */
  async conferenceSpeakers(conferenceSlug: string): Promise<{ conference: Conference; speakers: PublicSpeaker[] }> {
    const conference = await this.conferences.bySlug(conferenceSlug, PUBLIC_VIEWER, 'slug');
    const speakers = await this.dataSource
      .getRepository(Speaker)
      .createQueryBuilder('speaker')
      .where(
        `EXISTS (SELECT 1 FROM "appearances" "wa" INNER JOIN "sessions" "ws" ON "ws"."id" = "wa"."sessionId"
                 WHERE "wa"."speakerId" = speaker.id AND "ws"."conferenceId" = :conferenceId AND ${publicSession('"ws"')})`,
        { conferenceId: conference.id },
      )
      .orderBy('speaker.name', 'ASC')
      .addOrderBy('speaker.id', 'ASC')
      .take(WALL_MAX)
      .getMany();
    const complete = await this.complete(speakers);
    for (const entry of complete) {
      entry.appearances = entry.appearances.filter(({ session }) => session.conference.id === conference.id);
      entry.interviews = entry.interviews.filter((interview) => interview.conference?.id === conference.id);
    }
    return { conference, speakers: complete };
  }

  async interview(slug: string): Promise<PublicInterview> {
    const interview = await this.interviews.bySlug(slug, PUBLIC_VIEWER);
    const [found] = await this.completeInterviews([interview]);
    return found;
  }

  private async complete(speakers: Speaker[]): Promise<PublicSpeaker[]> {
    if (speakers.length === 0) return [];
    const ids = speakers.map((speaker) => speaker.id);
    const [appearances, withSpeakers, defaultLocales] = await Promise.all([
      this.appearances.ofSpeakers(ids, PUBLIC_VIEWER),
      this.interviews.withSpeakers(ids, PUBLIC_VIEWER),
      this.speakers.defaultLocalesOf(ids),
    ]);
    const sessions = await this.publicSessions([...new Set(appearances.map((a) => a.sessionId))]);
    const interviews = new Map(
      (
        await this.completeInterviews(
          uniqueBy(
            withSpeakers.map((row) => row.interview),
            (i) => i.id,
          ),
        )
      ).map((i) => [i.interview.id, i]),
    );
    return speakers.map((speaker) => ({
      speaker,
      defaultLocale: defaultLocales.get(speaker.id),
      appearances: appearances
        .filter((appearance) => appearance.speakerId === speaker.id)
        .map((appearance) => ({ appearance, session: sessions.get(appearance.sessionId)! }))
        .filter(({ session }) => session !== undefined),
      interviews: withSpeakers.filter((row) => row.speakerId === speaker.id).map((row) => interviews.get(row.interview.id)!),
    }));
  }

  private async publicSessions(ids: number[]): Promise<Map<number, PublicSession>> {
    if (ids.length === 0) return new Map();
    const sessions = await this.sessions.byIds(ids);
    const [conferences, rooms, tracks, lineUps] = await Promise.all([
      this.conferences.byIds([...new Set(sessions.map((s) => s.conferenceId))]),
      this.rooms.byIds(sessions.flatMap((s) => (s.roomId === null ? [] : [s.roomId]))),
      this.tracks.byIds(sessions.flatMap((s) => (s.trackId === null ? [] : [s.trackId]))),
      this.appearances.ofSessions(ids),
    ]);
    const result = new Map<number, PublicSession>();
    for (const session of sessions) {
      const conference = conferences.find((c) => c.id === session.conferenceId);
      // Appearances came through the public filter already; this keeps a later change from slipping a draft in.
      if (!isPublicSession(session, conference) || !conference) continue;
      result.set(session.id, {
        session,
        conference,
        room: visiblePart(rooms.find((r) => r.id === session.roomId) ?? null, PUBLIC_VIEWER),
        track: visiblePart(tracks.find((t) => t.id === session.trackId) ?? null, PUBLIC_VIEWER),
        lineUp: lineUps.filter((a) => a.sessionId === session.id),
      });
    }
    return result;
  }

  private async completeInterviews(interviews: Interview[]): Promise<PublicInterview[]> {
    if (interviews.length === 0) return [];
    const ids = interviews.map((interview) => interview.id);
    const [items, participants, conferences] = await Promise.all([
      this.interviews.itemsOf(ids),
      this.interviews.participantsOf(ids),
      this.conferences.byIds([...new Set(interviews.flatMap((i) => (i.conferenceId === null ? [] : [i.conferenceId])))]),
    ]);
    const people = await this.speakers.byIds([...new Set(participants.map((p) => p.speakerId))]);
    return interviews.map((interview) => ({
      interview,
      conference: conferences.find((c) => c.id === interview.conferenceId) ?? null,
      speakers: participants
        .filter((p) => p.interviewId === interview.id)
        .map((p) => people.find((person) => person.id === p.speakerId))
        .filter((person): person is Speaker => person !== undefined),
      items: items.filter((item) => item.interviewId === interview.id),
    }));
  }
}

function uniqueBy<T>(values: T[], key: (value: T) => unknown): T[] {
  const seen = new Set<unknown>();
  return values.filter((value) => !seen.has(key(value)) && seen.add(key(value)));
}
