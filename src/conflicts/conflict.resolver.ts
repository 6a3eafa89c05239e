import { Args, Context, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { RequestContext } from '../auth/request-context';
import { requireOrganiserOf } from '../auth/viewer';
import { requestLoader } from '../common/loaders';
import { ConferenceLoader } from '../conferences/conference.loader';
import { Room } from '../conferences/room.entity';
import { Track } from '../conferences/track.entity';
import { Session } from '../sessions/session.entity';
import { SessionLoader } from '../sessions/session.loader';
import { Speaker } from '../speakers/speaker.entity';
import { SpeakerLoader } from '../speakers/speaker.loader';
import { ConflictService } from './conflict.service';
import { Conflict } from './conflict.types';

@Resolver(() => Conflict)
export class ConflictResolver {
  constructor(
    private readonly conflictService: ConflictService,
    private readonly sessionLoader: SessionLoader,
    private readonly speakerLoader: SpeakerLoader,
    private readonly conferenceLoader: ConferenceLoader,
  ) {}

  @Query(() => [Conflict], {
    description: "Every problem in the conference's programme, drafts included (organisers of the conference only).",
  })
  async conflicts(
    @Args('conferenceSlug', { description: "The conference's slug." }) conferenceSlug: string,
    @Context() context: RequestContext,
  ) {
    const { conference, conflicts } = await this.conflictService.ofConferenceSlug(conferenceSlug, context.viewer);
    this.conferenceLoader.prime(context, conference);
    return conflicts;
  }

  @ResolveField(() => [Session], { description: 'The sessions involved (a session of another conference only if you may see it).' })
  async sessions(@Parent() conflict: Conflict, @Context() context: RequestContext) {
    return (await Promise.all(conflict.sessionIds.map((id) => this.sessionLoader.session(context, id)))).filter(
      (s): s is Session => s !== null,
    );
  }

  @ResolveField(() => [Speaker], { description: 'The speakers involved.' })
  async speakers(@Parent() conflict: Conflict, @Context() context: RequestContext) {
    return (await Promise.all(conflict.speakerIds.map((id) => this.speakerLoader.speaker(context, id)))).filter(
      (s): s is Speaker => s !== null,
    );
  }

  @ResolveField(() => Room, { nullable: true, description: 'The room involved, if any.' })
  room(@Parent() conflict: Conflict, @Context() context: RequestContext) {
    return this.conferenceLoader.room(context, conflict.roomId);
  }

  @ResolveField(() => Track, { nullable: true, description: 'The track involved, if any.' })
  track(@Parent() conflict: Conflict, @Context() context: RequestContext) {
    return this.conferenceLoader.track(context, conflict.trackId);
  }
}

/** The problems a session is part of, so a mutation's answer can show the conflicts it caused. */
@Resolver(() => Session)
export class SessionConflictResolver {
  constructor(
    private readonly conflictService: ConflictService,
    private readonly conferenceLoader: ConferenceLoader,
  ) {}

  @ResolveField(() => [Conflict], { description: 'Problems this session is part of (organisers of its conference only).' })
  async conflicts(@Parent() session: Session, @Context() context: RequestContext): Promise<Conflict[]> {
    requireOrganiserOf(context.viewer, session.conferenceId);
    const all = await requestLoader<number, Conflict[]>(context, 'conflictsOf', (conferenceIds) =>
      Promise.all(
        conferenceIds.map(async (id) => {
          const conference = await this.conferenceLoader.conference(context, id);
          return conference ? this.conflictService.detect(conference, context.viewer) : [];
        }),
      ),
    ).load(session.conferenceId);
    return all.filter((conflict) => conflict.sessionIds.includes(session.id));
  }
}
