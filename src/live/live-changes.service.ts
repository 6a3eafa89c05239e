import { Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import { FastifyInstance } from 'fastify';
import { PUBLIC_VIEWER } from '../auth/viewer';
import { ConferenceService } from '../conferences/conference.service';
import { ProgrammeChange, ProgrammeEvents } from '../events/programme-events';
import { SessionService } from '../sessions/session.service';
import { LiveChange, liveTopics } from './programme-change.types';
import { RedisConnections } from './redis-connections';
import { isPublicConference, isPublicSession } from '../published/public-rule';
import { PublishedProgrammes } from '../published/published-programmes.service';

/**
 * Hands each committed programme change to the subscriptions of every instance: the instance
 * that committed it publishes it once, through Mercurius's emitter (Redis-backed with REDIS_URL,
 * so subscribers on other instances hear it too).
 */
@Injectable()
export class LiveChanges implements OnModuleInit {
  private readonly logger = new Logger(LiveChanges.name);

  constructor(
    private readonly events: ProgrammeEvents,
    private readonly conferences: ConferenceService,
    private readonly sessions: SessionService,
    private readonly redis: RedisConnections,
    private readonly published: PublishedProgrammes,
    private readonly adapterHost: HttpAdapterHost,
  ) {}

  onModuleInit(): void {
    const fastify = this.adapterHost.httpAdapter?.getInstance<FastifyInstance>();
    if (!fastify) return; // the command line has no subscribers
    this.events.listen((changes) => this.publish(fastify, changes));
  }

  private async publish(fastify: FastifyInstance, changes: readonly ProgrammeChange[]): Promise<void> {
    const pubsub = fastify.graphql?.pubsub;
    if (!pubsub) return;
    const live = await this.withAudience(changes);
    const sends = live.flatMap((change) =>
      [
        liveTopics.programme(this.redis.prefix, change.conferenceId),
        ...(change.sessionId === null ? [] : [liveTopics.session(this.redis.prefix, change.sessionId)]),
      ].map(
        (topic) =>
          new Promise<void>((resolve) =>
            pubsub.publish({ topic, payload: change }, (error?: Error) => {
              if (error) this.logger.warn(`A live update did not go out: ${error.message}`);
              resolve();
            }),
          ),
      ),
    );
    await Promise.all(sends);
  }

  /**
   * Who may hear of each change is decided here, once, from the programme as committed: the
   * public hears of published sessions of published conferences, and of a session's going
   * (withdrawn, or deleted after the public had seen it), so that it can drop what it shows; of a
   * speaker only while they are in a session it sees; of a room or track only if it saw or sees it.
   */
  private async withAudience(changes: readonly ProgrammeChange[]): Promise<LiveChange[]> {
    const conferenceIds = [...new Set(changes.map((change) => change.conferenceId))];
    const sessionIds = [...new Set(changes.flatMap((change) => (change.sessionId === undefined ? [] : [change.sessionId])))];
    const [conferences, sessions] = await Promise.all([
      this.conferences.byIds(conferenceIds),
      sessionIds.length ? this.sessions.byIds(sessionIds) : [],
    ]);
    // A conference that follows its releases tells the public of a change with its next release.
    const shown = await Promise.all(conferences.map(async (c) => isPublicConference(c) && (await this.published.showsLiveEdits(c))));
    const published = new Set(conferences.filter((_, i) => shown[i]).map((c) => c.id));
    const publicSessions = new Set(
      sessions
        .filter((s) =>
          isPublicSession(
            s,
            conferences.find((c) => c.id === s.conferenceId),
          ),
        )
        .map((s) => s.id),
    );
    return Promise.all(
      changes.map(async (change) => ({
        kind: change.kind,
        conferenceId: change.conferenceId,
        sessionId: change.sessionId ?? null,
        at: change.at.toISOString(),
        public:
          change.kind === 'RELEASE_PUBLISHED'
            ? conferences.some((c) => c.id === change.conferenceId && isPublicConference(c))
            : published.has(change.conferenceId) && (await this.publicNews(change, publicSessions)),
      })),
    );
  }

  private async publicNews(change: ProgrammeChange, publicSessions: Set<number>): Promise<boolean> {
    const details = change.details ?? {};
    if (change.kind === 'SESSION_DELETED') return details.wasPublic === true;
    if (change.kind === 'SESSION_UPDATED' && details.published === false) return true;
    if (change.sessionId !== undefined) return publicSessions.has(change.sessionId);
    if (change.kind === 'SPEAKER_CHANGED') return this.speakerShown(change);
    if (change.kind === 'CONFERENCE_CHANGED' && 'shown' in details) return details.shown === true;
    return true;
  }

  /** Whether the public sees the speaker in one of the conference's sessions (for a deleted one: saw, in the sessions they were in). */
  private speakerShown(change: ProgrammeChange): Promise<boolean> {
    const query = this.sessions
      .visible(PUBLIC_VIEWER)
      .andWhere('session.conferenceId = :conferenceId', { conferenceId: change.conferenceId });
    const sessionIds = change.details?.sessionIds;
    if (Array.isArray(sessionIds)) {
      if (sessionIds.length === 0) return Promise.resolve(false);
      return query.andWhere('session.id IN (:...sessionIds)', { sessionIds }).getExists();
    }
    return query
      .andWhere('EXISTS (SELECT 1 FROM "appearances" "la" WHERE "la"."sessionId" = session.id AND "la"."speakerId" = :speakerId)', {
        speakerId: change.speakerId,
      })
      .getExists();
  }
}
