import { Args, ID, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { CurrentViewer } from '../auth/current-viewer.decorator';
import { OrganiserMutation } from '../auth/organiser-mutation.decorator';
import { organises, Viewer } from '../auth/viewer';
import { parseId } from '../common/entities';
import { localise } from '../common/localisation';
import { inFormat, TextFormat } from '../common/rich-text';
import { Speaker } from './speaker.entity';
import { CreateSpeakerInput, UpdateSpeakerInput } from './speaker.inputs';
import { SpeakerService } from './speaker.service';

@Resolver(() => Speaker)
export class SpeakerResolver {
  constructor(private readonly speakers: SpeakerService) {}

  @ResolveField(() => String, {
    nullable: true,
    description: 'The bio in the locale asked for, else the same language, else the first one written.',
  })
  bio(@Parent() speaker: Speaker, @Args('locale', { nullable: true }) locale?: string, @Args('format', { type: () => TextFormat, nullable: true }) format?: TextFormat) {
    return inFormat(localise(speaker.bio, locale), format);
  }

  @ResolveField(() => String, {
    nullable: true,
    description: 'Private: only for admins and organisers of a conference the speaker takes part in; empty for everyone else.',
  })
  async email(@Parent() speaker: Speaker, @CurrentViewer() viewer: Viewer) {
    if (!viewer.organiser || speaker.email === null) return null;
    if (viewer.admin) return speaker.email;
    const conferences = await this.speakers.conferencesOf(this.speakers.repository().manager, speaker.id);
    return conferences.some((conferenceId) => organises(viewer, conferenceId)) ? speaker.email : null;
  }

  @OrganiserMutation(() => Speaker)
  createSpeaker(@Args('input') input: CreateSpeakerInput) {
    return this.speakers.create(input);
  }

  @OrganiserMutation(() => Speaker)
  updateSpeaker(@Args('id', { type: () => ID }) id: string, @Args('input') input: UpdateSpeakerInput, @CurrentViewer() actor: Viewer) {
    return this.speakers.update(parseId(id, 'speaker'), input, actor);
  }

  @OrganiserMutation(() => Speaker, { description: 'Deletes a speaker and their appearances.' })
  deleteSpeaker(@Args('id', { type: () => ID }) id: string, @CurrentViewer() actor: Viewer) {
    return this.speakers.remove(parseId(id, 'speaker'), actor);
  }
}
