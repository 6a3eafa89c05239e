import { Args, Context, Info, Parent, Query, ResolveField, Resolver, ObjectType } from '@nestjs/graphql';
import { GraphQLResolveInfo } from 'graphql';
import { CurrentViewer } from '../auth/current-viewer.decorator';
import { RequestContext } from '../auth/request-context';
import { Viewer } from '../auth/viewer';
import { Connection, PageArgs } from '../common/connection';
import { selectedFields } from '../common/selection';
import { Conference } from '../conferences/conference.entity';
import { ConferenceLoader } from '../conferences/conference.loader';
import { ConferenceService } from '../conferences/conference.service';
import { notFound, UserError } from '../common/errors';
import { Speaker } from '../speakers/speaker.entity';
import { SpeakerService } from '../speakers/speaker.service';
import { Appearance } from './appearance.entity';
import { SessionFilter } from './session.inputs';
import { SessionConnection } from './session.resolver';
import { SessionLoader } from './session.loader';
import { SessionService } from './session.service';
import { SpeakerDirectory } from './speaker-directory.service';

@ObjectType({ description: 'A page of speakers.' })
export class SpeakerConnection extends Connection(Speaker) {}

/** The conference's programme: its sessions and speakers (resolved here, below sessions). */
@Resolver(() => Conference)
export class ConferenceProgrammeResolver {
  constructor(
    private readonly sessionService: SessionService,
    private readonly directory: SpeakerDirectory,
    private readonly conferenceLoader: ConferenceLoader,
  ) {}

  @ResolveField(() => SessionConnection, {
    description: "The conference's sessions in time order, unscheduled ones last; as the `sessions` query.",
  })
  sessions(
    @Parent() conference: Conference,
    @Args('filter', { nullable: true, description: 'Narrows the list; empty: every session you may see.' }) filter: SessionFilter,
    @Args() page: PageArgs,
    @Context() context: RequestContext,
    @Info() info: GraphQLResolveInfo,
  ) {
    this.conferenceLoader.prime(context, conference);
    return this.sessionService.list(conference, filter, page, context.viewer, selectedFields(info, ['edges', 'node']));
  }

  @ResolveField(() => SpeakerConnection, { description: 'Everyone who appears in the programme, by name.' })
  speakers(
    @Parent() conference: Conference,
    @Args('text', { nullable: true, description: 'Part of a name.' }) text: string,
    @Args() page: PageArgs,
    @CurrentViewer() viewer: Viewer,
  ) {
    return this.directory.list({ conference, text }, page, viewer);
  }
}

/** Speakers as programmes show them: who is public, and where each one appears. */
@Resolver(() => Speaker)
export class SpeakerProgrammeResolver {
  constructor(
    private readonly directory: SpeakerDirectory,
    private readonly conferences: ConferenceService,
    private readonly loader: SessionLoader,
    private readonly speakerService: SpeakerService,
  ) {}

  @Query(() => Speaker, {
    nullable: true,
    description: 'A speaker by slug; one of their other slugs (another spelling of the name) finds them too.',
  })
  async speaker(
    @Args('slug', { description: "The speaker's slug, or one of their other slugs." }) slug: string,
    @CurrentViewer() viewer: Viewer,
  ) {
    // A person's own slug first: what nearly every request asks for, in one read.
    const own = await this.directory.withOwnSlug(slug, viewer);
    if (own) return own;
    const ownSlug = await this.speakerService.canonicalSlug(slug);
    if (ownSlug === undefined) throw notFound('speaker', 'slug', slug);
    // Not found is answered with the slug asked for: the person's own slug is theirs to publish.
    return this.directory.bySlug(ownSlug, viewer).catch((error) => {
      throw error instanceof UserError && error.code === 'NOT_FOUND' ? notFound('speaker', 'slug', slug) : error;
    });
  }

  @Query(() => SpeakerConnection, { description: 'Speakers by name, of one conference or of all.' })
  async speakers(
    @Args('conferenceSlug', { nullable: true, description: "Only this conference's speakers; empty: every conference's." })
    conferenceSlug: string,
    @Args('text', { nullable: true, description: 'Part of a name.' }) text: string,
    @Args() page: PageArgs,
    @CurrentViewer() viewer: Viewer,
  ) {
    const conference = conferenceSlug ? await this.conferences.bySlug(conferenceSlug, viewer, 'conferenceSlug') : undefined;
    return this.directory.list({ conference, text }, page, viewer);
  }

  @ResolveField(() => [Appearance], { description: 'Every part this person has had, oldest first, with the title of the time.' })
  appearances(@Parent() speaker: Speaker, @Context() context: RequestContext) {
    return this.loader.appearancesOf(context, speaker.id);
  }
}
