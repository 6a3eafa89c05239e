import { Args, Context, ID, Info, ObjectType, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { GraphQLResolveInfo } from 'graphql';
import { DateTime } from 'luxon';
import { CurrentViewer } from '../auth/current-viewer.decorator';
import { OrganiserMutation } from '../auth/organiser-mutation.decorator';
import { RequestContext } from '../auth/request-context';
import { Viewer } from '../auth/viewer';
import { Connection, PageArgs } from '../common/connection';
import { selectedFields } from '../common/selection';
import { LocaleWishes, localiseFor, Translation, translationsOf } from '../common/localisation';
import { mutationInput, newInputArg, replacedArg } from '../common/mutation-input';
import { inFormat, TextFormat } from '../common/rich-text';
import { Conference } from '../conferences/conference.entity';
import { ConferenceLoader } from '../conferences/conference.loader';
import { ConferenceService } from '../conferences/conference.service';
import { visiblePart } from '../conferences/conference-part.service';
import { Room } from '../conferences/room.entity';
import { Track } from '../conferences/track.entity';
import { Appearance } from './appearance.entity';
import { Session } from './session.entity';
import {
  CancelSessionInput,
  CreateSessionInput,
  DeleteSessionInput,
  PublishSessionInput,
  SessionFilter,
  UnpublishSessionInput,
  UpdateSessionInput,
} from './session.inputs';
import { SessionLoader } from './session.loader';
import { SessionService } from './session.service';
import { speakerColumnsFor } from '../speakers/speaker.service';

const SESSION_ID = { type: () => ID, description: "The session's id." };

@ObjectType({ description: 'A page of sessions.' })
export class SessionConnection extends Connection(Session) {}

@Resolver(() => Session)
export class SessionResolver {
  constructor(
    private readonly sessionService: SessionService,
    private readonly conferences: ConferenceService,
    private readonly conferenceLoader: ConferenceLoader,
    private readonly loader: SessionLoader,
  ) {}

  @Query(() => Session, { nullable: true, description: 'A session by id; empty if there is none you may see.' })
  session(@Args('id', { type: () => ID, description: "The session's id." }) id: string, @CurrentViewer() viewer: Viewer) {
    return this.sessionService.byId(id, viewer);
  }

  @Query(() => SessionConnection, { description: "A conference's sessions in time order; unscheduled ones last." })
  async sessions(
    @Args('conferenceSlug', { description: "The conference's slug." }) conferenceSlug: string,
    @Args('filter', { nullable: true, description: 'Narrows the list; empty: every session you may see.' }) filter: SessionFilter,
    @Args() page: PageArgs,
    @Context() context: RequestContext,
    @Info() info: GraphQLResolveInfo,
  ) {
    const conference = await this.conferences.bySlug(conferenceSlug, context.viewer, 'conferenceSlug');
    this.conferenceLoader.prime(context, conference);
    return this.sessionService.list(conference, filter, page, context.viewer, selectedFields(info, ['edges', 'node']));
  }

  @ResolveField(() => String, {
    description:
      "In the locale asked for (or its language), else the best match of Accept-Language, else the conference's default. `titleLocale` says which.",
  })
  async title(
    @Parent() session: Session,
    @Context() context: RequestContext,
    @Args('locale', { nullable: true, description: 'The language wanted (BCP 47), e.g. "sv"; else chosen as the field says.' })
    locale?: string,
  ) {
    return localiseFor(session.title, await this.wishes(session, context, locale)).text;
  }

  @ResolveField(() => String, { nullable: true, description: 'The locale `title` is given in for the same `locale` argument.' })
  async titleLocale(
    @Parent() session: Session,
    @Context() context: RequestContext,
    @Args('locale', { nullable: true, description: 'The language wanted (BCP 47), e.g. "sv"; else chosen as the field says.' })
    locale?: string,
  ) {
    return localiseFor(session.title, await this.wishes(session, context, locale)).locale;
  }

  @ResolveField(() => String, { nullable: true, description: 'Chosen as `title` is.' })
  async abstract(
    @Parent() session: Session,
    @Context() context: RequestContext,
    @Args('locale', { nullable: true, description: 'The language wanted (BCP 47), e.g. "sv"; else chosen as the field says.' })
    locale?: string,
    @Args('format', { type: () => TextFormat, nullable: true, description: 'MARKDOWN (default, as stored), HTML or TEXT.' })
    format?: TextFormat,
  ) {
    return inFormat(localiseFor(session.abstract, await this.wishes(session, context, locale)).text, format);
  }

  @ResolveField(() => String, {
    nullable: true,
    description: 'The locale `abstract` is given in for the same `locale` argument; empty without one.',
  })
  async abstractLocale(
    @Parent() session: Session,
    @Context() context: RequestContext,
    @Args('locale', { nullable: true, description: 'The language wanted (BCP 47), e.g. "sv"; else chosen as the field says.' })
    locale?: string,
  ) {
    return localiseFor(session.abstract, await this.wishes(session, context, locale)).locale;
  }

  @ResolveField(() => [Translation], {
    description: 'The title in every language it is written in (no fallback): what an editor shows side by side.',
  })
  titleTranslations(@Parent() session: Session): Translation[] {
    return translationsOf(session.title);
  }

  @ResolveField(() => [Translation], { description: 'The abstract in every language it is written in (no fallback).' })
  abstractTranslations(
    @Parent() session: Session,
    @Args('format', { type: () => TextFormat, nullable: true, description: 'MARKDOWN (default, as stored), HTML or TEXT.' })
    format?: TextFormat,
  ): Translation[] {
    return translationsOf(session.abstract, (source) => inFormat(source, format)!);
  }

  private async wishes(session: Session, context: RequestContext, explicit: string | undefined): Promise<LocaleWishes> {
    return { explicit, accepted: context.acceptedLocales, fallback: (await this.conferenceOf(session, context)).defaultLocale };
  }

  private conferenceOf(session: Session, context: RequestContext): Promise<Conference> {
    return this.conferenceLoader.conference(context, session.conferenceId) as Promise<Conference>;
  }

  // The fields below take GraphQL's own arguments (parent, args, context, info) with no parameter
  // decorators: Nest then calls them directly (its fast path for field resolvers) instead of through
  // its pipes and param factories, which cost a page of a hundred sessions more than its reads.

  @ResolveField(() => Conference, { description: 'The conference it is part of.' })
  conference(session: Session, _args: unknown, context: RequestContext): Promise<Conference> {
    return this.conferenceOf(session, context);
  }

  @ResolveField(() => Room, {
    nullable: true,
    description: 'Where it is held; empty without a room or when the room is unpublished (for the public).',
  })
  async room(session: Session, _args: unknown, context: RequestContext) {
    return visiblePart(await this.conferenceLoader.room(context, session.roomId), context.viewer);
  }

  @ResolveField(() => Track, {
    nullable: true,
    description: 'Its track; empty without one or when the track is unpublished (for the public).',
  })
  async track(session: Session, _args: unknown, context: RequestContext) {
    return visiblePart(await this.conferenceLoader.track(context, session.trackId), context.viewer);
  }

  @ResolveField(() => [Appearance], { description: 'Who takes part, in listing order.' })
  appearances(session: Session, _args: unknown, context: RequestContext, info: GraphQLResolveInfo) {
    return this.loader.lineUp(context, session.id, speakerColumnsFor(selectedFields(info, ['speaker'])));
  }

  @ResolveField(() => String, { description: "The IANA zone local times are given in (the conference's)." })
  async timeZone(session: Session, _args: unknown, context: RequestContext) {
    return (await this.conferenceOf(session, context)).timeZone;
  }

  @ResolveField(() => String, { nullable: true, description: 'Local start with its UTC offset, e.g. 2020-08-19T10:00:00+02:00.' })
  async localStartsAt(session: Session, _args: unknown, context: RequestContext) {
    return localTime(session.startsAt, (await this.conferenceOf(session, context)).timeZone);
  }

  @ResolveField(() => String, { nullable: true, description: 'Local end with its UTC offset.' })
  async localEndsAt(session: Session, _args: unknown, context: RequestContext) {
    return localTime(session.endsAt, (await this.conferenceOf(session, context)).timeZone);
  }

  @OrganiserMutation(() => Session, { description: 'Creates a session, unpublished.' })
  createSession(@Args('input', { description: 'The new session.' }) input: CreateSessionInput, @CurrentViewer() actor: Viewer) {
    return this.sessionService.create(input, actor);
  }

  @OrganiserMutation(() => Session, { description: 'Changes a session.' })
  updateSession(
    @Args('input', { description: 'The session and what to change.' }) input: UpdateSessionInput,
    @Args('id', replacedArg('id', { type: () => ID, description: "The session's id." })) id: string | null,
    @CurrentViewer() actor: Viewer,
  ) {
    const { id: sessionId, ...changes } = mutationInput(input, { id }, ['id']);
    return this.sessionService.update(sessionId, changes, actor);
  }

  @OrganiserMutation(() => Session, { description: 'Removes a session for good; cancelSession keeps it, marked cancelled.' })
  deleteSession(
    @Args('input', newInputArg(() => DeleteSessionInput, 'The session to delete.')) input: DeleteSessionInput | null,
    @Args('id', replacedArg('id', SESSION_ID)) id: string | null,
    @CurrentViewer() actor: Viewer,
  ) {
    return this.sessionService.remove(mutationInput(input, { id }, ['id']).id, actor);
  }

  @OrganiserMutation(() => Session, { description: 'Shows the session to the public (once its conference is published).' })
  publishSession(
    @Args('input', newInputArg(() => PublishSessionInput, 'The session to publish.')) input: PublishSessionInput | null,
    @Args('id', replacedArg('id', SESSION_ID)) id: string | null,
    @CurrentViewer() actor: Viewer,
  ) {
    return this.sessionService.setPublished(mutationInput(input, { id }, ['id']).id, true, actor);
  }

  @OrganiserMutation(() => Session, { description: 'Withdraws the session from the public; organisers still see it.' })
  unpublishSession(
    @Args('input', newInputArg(() => UnpublishSessionInput, 'The session to unpublish.')) input: UnpublishSessionInput | null,
    @Args('id', replacedArg('id', SESSION_ID)) id: string | null,
    @CurrentViewer() actor: Viewer,
  ) {
    return this.sessionService.setPublished(mutationInput(input, { id }, ['id']).id, false, actor);
  }

  @OrganiserMutation(() => Session, { description: 'Marks the session CANCELLED; it stays in the programme and its feeds.' })
  cancelSession(
    @Args('input', newInputArg(() => CancelSessionInput, 'The session to cancel.')) input: CancelSessionInput | null,
    @Args('id', replacedArg('id', SESSION_ID)) id: string | null,
    @CurrentViewer() actor: Viewer,
  ) {
    return this.sessionService.cancel(mutationInput(input, { id }, ['id']).id, actor);
  }
}

function localTime(instant: Date | null, timeZone: string): string | null {
  return instant === null ? null : DateTime.fromJSDate(instant, { zone: timeZone }).toISO({ suppressMilliseconds: true });
}
