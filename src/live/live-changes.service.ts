import { Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import { FastifyInstance } from 'fastify';
import { ConferenceStatus } from '../conferences/conference.entity';
import { ConferenceService } from '../conferences/conference.service';
import { ProgrammeChange, ProgrammeEvents } from '../events/programme-events';
import { SessionService } from '../sessions/session.service';
import { LiveChange, liveTopics } from './programme-change.types';
import { RedisConnections } from './redis-connections';

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
   * (withdrawn or deleted), so that it can drop what it shows.
   */
  private async withAudience(changes: readonly ProgrammeChange[]): Promise<LiveChange[]> {
    const conferenceIds = [...new Set(changes.map((change) => change.conferenceId))];
    const sessionIds = [...new Set(changes.flatMap((change) => (change.sessionId === undefined ? [] : [change.sessionId])))];
    const [conferences, sessions] = await Promise.all([
      this.conferences.byIds(conferenceIds),
      sessionIds.length ? this.sessions.byIds(sessionIds) : [],
    ]);
    const published = new Set(conferences.filter((c) => c.status === ConferenceStatus.PUBLISHED).map((c) => c.id));
    const publicSessions = new Set(sessions.filter((s) => s.published).map((s) => s.id));
    return changes.map((change) => {
      const gone = change.kind === 'SESSION_DELETED' || (change.kind === 'SESSION_UPDATED' && change.details?.published === false);
      const sessionPublic = change.sessionId === undefined || gone || publicSessions.has(change.sessionId);
      return {
        kind: change.kind,
        conferenceId: change.conferenceId,
        sessionId: change.sessionId ?? null,
        at: change.at.toISOString(),
        public: published.has(change.conferenceId) && sessionPublic,
      };
    });
  }
}
