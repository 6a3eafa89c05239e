import { Args, Context, ID, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { CurrentViewer } from '../auth/current-viewer.decorator';
import { OrganiserMutation } from '../auth/organiser-mutation.decorator';
import { RequestContext } from '../auth/request-context';
import { ownsSpeaker, Viewer } from '../auth/viewer';
import { parseId } from '../common/entities';
import { LocaleWishes, localiseFor } from '../common/localisation';
import { mutationInput, newInputArg, replacedArg } from '../common/mutation-input';
import { inFormat, TextFormat } from '../common/rich-text';
import { Speaker } from './speaker.entity';
import { CreateSpeakerInput, DeleteSpeakerInput, MergeSpeakersInput, UpdateSpeakerInput } from './speaker.inputs';
import { SpeakerMerge } from './speaker-merge.service';
import { SpeakerLoader } from './speaker.loader';
import { SpeakerService } from './speaker.service';

const SPEAKER_ID = { type: () => ID, description: "The speaker's id." };

@Resolver(() => Speaker)
export class SpeakerResolver {
  constructor(
    private readonly speakers: SpeakerService,
    private readonly loader: SpeakerLoader,
    private readonly merges: SpeakerMerge,
  ) {}

  @ResolveField(() => String, {
    nullable: true,
    description:
      'The bio in the locale asked for (or its language), else the best match of Accept-Language, else the default locale of the conference the speaker last appeared at, else the first one written. `bioLocale` says which.',
  })
  async bio(
    @Parent() speaker: Speaker,
    @Context() context: RequestContext,
    @Args('locale', { nullable: true, description: 'The language wanted (BCP 47), e.g. "sv"; else chosen as the field says.' })
    locale?: string,
    @Args('format', { type: () => TextFormat, nullable: true, description: 'MARKDOWN (default, as stored), HTML or TEXT.' })
    format?: TextFormat,
  ) {
    return inFormat(localiseFor(speaker.bio, await this.wishes(speaker, context, locale)).text, format);
  }

  @ResolveField(() => String, {
    nullable: true,
    description:
      "The locale `bio` is given in for the same `locale` argument: that locale, else the best match of the request's Accept-Language, else the default locale of the conference the speaker last appeared at.",
  })
  async bioLocale(
    @Parent() speaker: Speaker,
    @Context() context: RequestContext,
    @Args('locale', { nullable: true, description: 'The language wanted (BCP 47), e.g. "sv"; else chosen as the field says.' })
    locale?: string,
  ) {
    return localiseFor(speaker.bio, await this.wishes(speaker, context, locale)).locale;
  }

  @ResolveField(() => String, { nullable: true, description: 'What the photo shows, chosen like `bio`.' })
  async photoAlt(
    @Parent() speaker: Speaker,
    @Context() context: RequestContext,
    @Args('locale', { nullable: true, description: 'The language wanted (BCP 47), e.g. "sv"; else chosen as the field says.' })
    locale?: string,
  ) {
    return localiseFor(speaker.photoAlt, await this.wishes(speaker, context, locale)).text;
  }

  @ResolveField(() => [String], { description: 'Other slugs that lead to this person, e.g. from another spelling of the name.' })
  otherSlugs(@Parent() speaker: Speaker, @Context() context: RequestContext) {
    return this.loader.otherSlugs(context, speaker.id);
  }

  @ResolveField(() => String, {
    nullable: true,
    description:
      "Private: only for admins, organisers of the conference that owns the speaker's profile, and the speaker signed in on their own page; empty for everyone else.",
  })
  email(@Parent() speaker: Speaker, @CurrentViewer() viewer: Viewer) {
    return ownsSpeaker(viewer, speaker) || viewer.speakerId === speaker.id ? speaker.email : null;
  }

  @OrganiserMutation(() => Speaker, { description: 'Creates a speaker profile.' })
  createSpeaker(@Args('input', { description: 'The new speaker.' }) input: CreateSpeakerInput, @CurrentViewer() actor: Viewer) {
    return this.speakers.create(input, actor);
  }

  @OrganiserMutation(() => Speaker, { description: "Changes a speaker's profile (the owner conference's organisers and admins only)." })
  updateSpeaker(
    @Args('input', { description: 'The speaker and what to change.' }) input: UpdateSpeakerInput,
    @Args('id', replacedArg('id', SPEAKER_ID)) id: string | null,
    @CurrentViewer() actor: Viewer,
  ) {
    const { id: speakerId, ...changes } = mutationInput(input, { id }, ['id']);
    return this.speakers.update(parseId(speakerId, 'speaker'), changes, actor);
  }

  @OrganiserMutation(() => Speaker, { description: 'Deletes a speaker and their appearances.' })
  deleteSpeaker(
    @Args('input', newInputArg(() => DeleteSpeakerInput, 'The speaker to delete.')) input: DeleteSpeakerInput | null,
    @Args('id', replacedArg('id', SPEAKER_ID)) id: string | null,
    @CurrentViewer() actor: Viewer,
  ) {
    return this.speakers.remove(parseId(mutationInput(input, { id }, ['id']).id, 'speaker'), actor);
  }

  @OrganiserMutation(() => Speaker, {
    description:
      "Merges two records of the same person into the one kept (you must own both profiles): appearances, interviews and the speaker's-page rows move to it, it takes the other spelling, bio locales, links and photo it lacks, the merged record's slugs lead to it (a 301 on the site and the JSON API), and the merged record is deleted. Answers the kept speaker.",
  })
  mergeSpeakers(
    @Args('input', { description: 'The speaker to keep and the one to merge into it.' }) input: MergeSpeakersInput,
    @CurrentViewer() actor: Viewer,
  ) {
    return this.merges.merge(input, actor);
  }

  private async wishes(speaker: Speaker, context: RequestContext, locale: string | undefined): Promise<LocaleWishes> {
    return { explicit: locale, accepted: context.acceptedLocales, fallback: await this.loader.defaultLocale(context, speaker.id) };
  }
}
