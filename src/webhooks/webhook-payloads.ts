import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { Conference } from '../conferences/conference.entity';
import { Room } from '../conferences/room.entity';
import { Track } from '../conferences/track.entity';
import { ProgrammeChange } from '../events/programme-events';
import { Appearance } from '../sessions/appearance.entity';
import { Session } from '../sessions/session.entity';
import { Speaker } from '../speakers/speaker.entity';
import { isPublicConference, isPublicPart, isPublicSession, publicSession } from '../published/public-rule';
import { PublishedProgrammes } from '../published/published-programmes.service';

/** What a delivery tells of a change, besides its id, event and time. */
export interface PublicChange {
  conference: { slug: string };
  session?: Record<string, unknown>;
  speaker?: { id: string; slug: string; name: string };
  release?: { version: number };
  details?: Record<string, unknown>;
}

interface Place {
  startsAt: string | null;
  endsAt: string | null;
  roomId: number | null;
}

/**
 * Turns a programme change into what the public may know of it, or null when it touches nothing
 * public: a draft conference, an unpublished session, a speaker seen in no published session.
 * Decided when the delivery is written, so a later withdrawal cannot be overtaken by a retry.
 */
@Injectable()
export class WebhookPayloads {
  constructor(private readonly published: PublishedProgrammes) {}

  async publicChange(manager: EntityManager, change: ProgrammeChange): Promise<PublicChange | null> {
    const conference = await manager.findOneBy(Conference, { id: change.conferenceId });
    if (!conference || !isPublicConference(conference)) return null;
    // A conference that follows its releases tells the public of a change with its next release.
    if (change.kind !== 'RELEASE_PUBLISHED' && !(await this.published.showsLiveEdits(conference))) return null;
    const about = { conference: { slug: conference.slug } };
    switch (change.kind) {
      case 'RELEASE_PUBLISHED':
        return change.version === undefined ? null : { ...about, release: { version: change.version } };
      case 'SPEAKER_CHANGED': {
        const speaker = change.speakerId === undefined ? null : await manager.findOneBy(Speaker, { id: change.speakerId });
        if (!speaker || !(await this.speaksInPublic(manager, speaker.id, conference.id))) return null;
        return { ...about, speaker: { id: String(speaker.id), slug: speaker.slug, name: speaker.name } };
      }
      case 'SESSION_MOVED':
      case 'SESSION_RETITLED':
      case 'SESSION_CANCELLED': {
        const session = change.sessionId === undefined ? null : await manager.findOneBy(Session, { id: change.sessionId });
        if (!session || !isPublicSession(session, conference) || session.conferenceId !== conference.id) return null;
        const details = await this.publicDetails(manager, change);
        return { ...about, session: await this.publicSession(manager, session), ...(details ? { details } : {}) };
      }
      default:
        return null;
    }
  }

  private async speaksInPublic(manager: EntityManager, speakerId: number, conferenceId: number): Promise<boolean> {
    return manager
      .createQueryBuilder(Appearance, 'appearance')
      .innerJoin(Session, 'session', 'session.id = appearance.sessionId')
      .where('appearance.speakerId = :speakerId', { speakerId })
      .andWhere('session.conferenceId = :conferenceId', { conferenceId })
      .andWhere(publicSession('"session"'))
      .getExists();
  }

  private async publicSession(manager: EntityManager, session: Session): Promise<Record<string, unknown>> {
    return {
      id: String(session.id),
      uid: session.uid,
      title: session.title,
      format: session.format,
      language: session.language,
      status: session.status,
      startsAt: session.startsAt?.toISOString() ?? null,
      endsAt: session.endsAt?.toISOString() ?? null,
      room: await this.publicPart(manager, Room, session.roomId, session.conferenceId),
      track: await this.publicPart(manager, Track, session.trackId, session.conferenceId),
      revision: session.revision,
    };
  }

  /** A move tells where the session was and where it went; a new title, the old one and the new. */
  private async publicDetails(manager: EntityManager, change: ProgrammeChange): Promise<Record<string, unknown> | undefined> {
    const details = change.details;
    if (!details) return undefined;
    if (change.kind === 'SESSION_MOVED') {
      const place = async (at: Place) => ({
        startsAt: at.startsAt,
        endsAt: at.endsAt,
        room: await this.publicPart(manager, Room, at.roomId, change.conferenceId),
      });
      return { from: await place(details.from as Place), to: await place(details.to as Place) };
    }
    if (change.kind === 'SESSION_RETITLED') return { from: details.from, to: details.to };
    return undefined;
  }

  private async publicPart(
    manager: EntityManager,
    part: typeof Room | typeof Track,
    id: number | null,
    conferenceId: number,
  ): Promise<{ slug: string; name: string } | null> {
    if (id === null) return null;
    const found = await manager.findOneBy(part, { id });
    return found && isPublicPart(found) && found.conferenceId === conferenceId ? { slug: found.slug, name: found.name } : null;
  }
}
