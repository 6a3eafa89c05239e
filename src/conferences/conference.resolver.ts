import { Args, Context, ID, ObjectType, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { CurrentViewer } from '../auth/current-viewer.decorator';
import { OrganiserMutation } from '../auth/organiser-mutation.decorator';
import { RequestContext } from '../auth/request-context';
import { Viewer } from '../auth/viewer';
import { Connection, PageArgs } from '../common/connection';
import { parseId } from '../common/entities';
import { localise } from '../common/localisation';
import { mutationInput, newInputArg, replacedArg } from '../common/mutation-input';
import { inFormat, TextFormat } from '../common/rich-text';
import { Conference, ConferenceStatus } from './conference.entity';
import {
  CreateConferenceInput,
  DeleteConferenceInput,
  PublishConferenceInput,
  UnpublishConferenceInput,
  UpdateConferenceInput,
} from './conference.inputs';
import { ConferenceLoader } from './conference.loader';
import { ConferenceService } from './conference.service';
import { Room } from './room.entity';
import { Track } from './track.entity';
import { visiblePart } from './conference-part.service';

const CONFERENCE_ID = { type: () => ID, description: "The conference's id." };

@ObjectType({ description: 'A page of conferences.' })
export class ConferenceConnection extends Connection(Conference) {}

@Resolver(() => Conference)
export class ConferenceResolver {
  constructor(
    private readonly conferenceService: ConferenceService,
    private readonly loader: ConferenceLoader,
  ) {}

  @Query(() => ConferenceConnection, { description: 'Conferences, newest first.' })
  conferences(@Args() page: PageArgs, @CurrentViewer() viewer: Viewer) {
    return this.conferenceService.list(viewer, page);
  }

  @Query(() => Conference, { nullable: true, description: 'A conference by slug; empty if there is none you may see.' })
  conference(@Args('slug', { description: "The conference's slug." }) slug: string, @CurrentViewer() viewer: Viewer) {
    return this.conferenceService.bySlug(slug, viewer);
  }

  @ResolveField(() => String, { nullable: true, description: 'What the conference is about, chosen as `Session.title` is.' })
  description(
    @Parent() conference: Conference,
    @Args('locale', { nullable: true, description: 'The language wanted (BCP 47), e.g. "sv"; else chosen as the field says.' })
    locale?: string,
    @Args('format', { type: () => TextFormat, nullable: true, description: 'MARKDOWN (default, as stored), HTML or TEXT.' })
    format?: TextFormat,
  ) {
    return inFormat(localise(conference.description, locale, conference.defaultLocale), format);
  }

  @ResolveField(() => [Room], { description: 'Its rooms in order (published ones only, for the public).' })
  async rooms(@Parent() conference: Conference, @Context() context: RequestContext) {
    return (await this.loader.roomsOf(context, conference.id)).filter((room) => visiblePart(room, context.viewer));
  }

  @ResolveField(() => [Track], { description: 'Its tracks in order (published ones only, for the public).' })
  async tracks(@Parent() conference: Conference, @Context() context: RequestContext) {
    return (await this.loader.tracksOf(context, conference.id)).filter((track) => visiblePart(track, context.viewer));
  }

  @OrganiserMutation(() => Conference, { description: 'Creates a conference as a draft.' })
  createConference(@Args('input', { description: 'The new conference.' }) input: CreateConferenceInput, @CurrentViewer() actor: Viewer) {
    return this.conferenceService.create(input, actor);
  }

  @OrganiserMutation(() => Conference, { description: "Changes a conference's details." })
  updateConference(
    @Args('input', { description: 'The conference and what to change.' }) input: UpdateConferenceInput,
    @Args('id', replacedArg('id', CONFERENCE_ID)) id: string | null,
    @CurrentViewer() actor: Viewer,
  ) {
    const { id: conferenceId, ...changes } = mutationInput(input, { id }, ['id']);
    return this.conferenceService.update(parseId(conferenceId, 'conference'), changes, actor);
  }

  @OrganiserMutation(() => Conference, { description: 'Deletes a conference with everything in it.' })
  deleteConference(
    @Args('input', newInputArg(() => DeleteConferenceInput, 'The conference to delete.')) input: DeleteConferenceInput | null,
    @Args('id', replacedArg('id', CONFERENCE_ID)) id: string | null,
    @CurrentViewer() actor: Viewer,
  ) {
    return this.conferenceService.remove(parseId(mutationInput(input, { id }, ['id']).id, 'conference'), actor);
  }

  @OrganiserMutation(() => Conference, { description: 'Makes the conference and its published sessions public.' })
  publishConference(
    @Args('input', newInputArg(() => PublishConferenceInput, 'The conference to publish.')) input: PublishConferenceInput | null,
    @Args('id', replacedArg('id', CONFERENCE_ID)) id: string | null,
    @CurrentViewer() actor: Viewer,
  ) {
    const conferenceId = parseId(mutationInput(input, { id }, ['id']).id, 'conference');
    return this.conferenceService.setStatus(conferenceId, ConferenceStatus.PUBLISHED, actor);
  }

  @OrganiserMutation(() => Conference, { description: 'Takes the whole conference out of public view.' })
  unpublishConference(
    @Args('input', newInputArg(() => UnpublishConferenceInput, 'The conference to unpublish.')) input: UnpublishConferenceInput | null,
    @Args('id', replacedArg('id', CONFERENCE_ID)) id: string | null,
    @CurrentViewer() actor: Viewer,
  ) {
    const conferenceId = parseId(mutationInput(input, { id }, ['id']).id, 'conference');
    return this.conferenceService.setStatus(conferenceId, ConferenceStatus.DRAFT, actor);
  }
}
