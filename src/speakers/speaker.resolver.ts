import { Args, ID, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { OrganiserMutation } from '../auth/organiser-mutation.decorator';
import { parseId } from '../common/entities';
import { localise } from '../common/localisation';
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
  bio(@Parent() speaker: Speaker, @Args('locale', { nullable: true }) locale?: string) {
    return localise(speaker.bio, locale);
  }

  @OrganiserMutation(() => Speaker)
  createSpeaker(@Args('input') input: CreateSpeakerInput) {
    return this.speakers.create(input);
  }

  @OrganiserMutation(() => Speaker)
  updateSpeaker(@Args('id', { type: () => ID }) id: string, @Args('input') input: UpdateSpeakerInput) {
    return this.speakers.update(parseId(id, 'speaker'), input);
  }

  @OrganiserMutation(() => Speaker, { description: 'Deletes a speaker and their appearances.' })
  deleteSpeaker(@Args('id', { type: () => ID }) id: string) {
    return this.speakers.remove(parseId(id, 'speaker'));
  }
}
