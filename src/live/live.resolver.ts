import { Args, Context, ID, Parent, ResolveField, Resolver, Subscription } from '@nestjs/graphql';
import { PubSub } from 'mercurius';
import { RequestContext } from '../auth/request-context';
import { globalIdOf } from '../common/global-id';
import { organises } from '../auth/viewer';
import { Conference } from '../conferences/conference.entity';
import { ConferenceService } from '../conferences/conference.service';
import { Session } from '../sessions/session.entity';
import { SessionService } from '../sessions/session.service';
import { LiveChange, liveTopics, ProgrammeChange } from './programme-change.types';
import { RedisConnections } from './redis-connections';
import { SubscriberContext, subscriberNow } from './subscription-options';

type SubscriptionContext = SubscriberContext & { pubsub: PubSub };

/**
 * Drafts stay with their organisers: a change is told to the public only when `public` says so.
 * Who the subscriber is, is decided again for each change (rights may have been taken away since
 * the connection opened; a token that no longer holds ends it).
 */
async function mayHear(change: LiveChange, _variables: unknown, context: SubscriptionContext): Promise<boolean> {
  const viewer = await subscriberNow(context);
  return viewer !== null && (change.public || organises(viewer, change.conferenceId));
}

/**
 * One event is read like one request: loaders start empty, so nothing read for an earlier
 * event (now out of date) is served again.
 */
function asChange(change: LiveChange, _args: unknown, context: SubscriptionContext): ProgrammeChange {
  context.loaders = new Map();
  return {
    kind: change.kind,
    conferenceId: change.conferenceId,
    sessionId: change.sessionId === null ? null : globalIdOf('Session', change.sessionId),
    sessionRowId: change.sessionId,
    at: new Date(change.at),
  };
}

@Resolver(() => ProgrammeChange)
export class LiveResolver {
  constructor(
    private readonly conferences: ConferenceService,
    private readonly sessions: SessionService,
    private readonly redis: RedisConnections,
  ) {}

  @Subscription(() => ProgrammeChange, {
    description: "Changes to a conference's programme (its sessions, speakers, rooms and tracks), from whichever instance took them.",
    filter: mayHear,
    resolve: asChange,
  })
  async programmeChanged(
    @Args('conferenceSlug', { description: "The conference's slug." }) conferenceSlug: string,
    @Context() context: SubscriptionContext,
  ) {
    const conference = await this.conferences.bySlug(conferenceSlug, context.viewer, 'conferenceSlug');
    return context.pubsub.subscribe(liveTopics.programme(this.redis.prefix, conference.id));
  }

  @Subscription(() => ProgrammeChange, {
    description: 'Changes to one session, from whichever instance took them; `session` is null once it is gone.',
    filter: mayHear,
    resolve: asChange,
  })
  async sessionChanged(
    @Args('id', { type: () => ID, description: "The session's id." }) id: string,
    @Context() context: SubscriptionContext,
  ) {
    const session = await this.sessions.byId(id, context.viewer);
    return context.pubsub.subscribe(liveTopics.session(this.redis.prefix, session.id));
  }

  @ResolveField(() => Conference, { nullable: true, description: 'The conference as it is now; null if the reader may no longer see it.' })
  conference(@Parent() change: ProgrammeChange, @Context() context: RequestContext): Promise<Conference | null> {
    return this.conferences.visible(context.viewer).andWhere('conference.id = :id', { id: change.conferenceId }).getOne();
  }

  @ResolveField(() => Session, {
    nullable: true,
    description: 'The session as it is now; null when the change is not about one, or it is gone (deleted, or withdrawn from the reader).',
  })
  session(@Parent() change: ProgrammeChange, @Context() context: RequestContext): Promise<Session | null> | null {
    if (change.sessionRowId === null) return null;
    return this.sessions.visible(context.viewer).andWhere('session.id = :id', { id: change.sessionRowId }).getOne();
  }
}
