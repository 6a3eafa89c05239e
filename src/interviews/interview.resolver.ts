import { Args, Context, ID, ObjectType, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { CurrentViewer } from '../auth/current-viewer.decorator';
import { OrganiserMutation } from '../auth/organiser-mutation.decorator';
import { RequestContext } from '../auth/request-context';
import { Viewer } from '../auth/viewer';
import { Connection, PageArgs } from '../common/connection';
import { LocaleWishes, localiseFor } from '../common/localisation';
import { mutationInput, newInputArg, replacedArg } from '../common/mutation-input';
import { inFormat, TextFormat } from '../common/rich-text';
import { Conference } from '../conferences/conference.entity';
import { ConferenceLoader } from '../conferences/conference.loader';
import { ConferenceService } from '../conferences/conference.service';
import { Session } from '../sessions/session.entity';
import { SessionLoader } from '../sessions/session.loader';
import { SpeakerDirectory } from '../sessions/speaker-directory.service';
import { Speaker } from '../speakers/speaker.entity';
import { SpeakerLoader } from '../speakers/speaker.loader';
import { InterviewItem } from './interview-item.entity';
import { Interview } from './interview.entity';
import { CreateInterviewInput, DeleteInterviewInput, UpdateInterviewInput } from './interview.inputs';
import { InterviewLoader } from './interview.loader';
import { InterviewService } from './interview.service';

const INTERVIEW_ID = { type: () => ID, description: "The interview's id." };

@ObjectType({ description: 'A page of interviews.' })
export class InterviewConnection extends Connection(Interview) {}

@Resolver(() => Interview)
export class InterviewResolver {
  constructor(
    private readonly interviewService: InterviewService,
    private readonly conferences: ConferenceService,
    private readonly directory: SpeakerDirectory,
    private readonly loader: InterviewLoader,
    private readonly conferenceLoader: ConferenceLoader,
    private readonly sessionLoader: SessionLoader,
    private readonly speakerLoader: SpeakerLoader,
  ) {}

  @Query(() => InterviewConnection, { description: 'Interviews, newest first, about a conference or with a speaker.' })
  async interviews(
    @Args('conferenceSlug', { nullable: true, description: 'Only interviews about this conference.' }) conferenceSlug: string,
    @Args('speakerSlug', { nullable: true, description: 'Only interviews with this speaker.' }) speakerSlug: string,
    @Args() page: PageArgs,
    @CurrentViewer() viewer: Viewer,
  ) {
    const conference = conferenceSlug ? await this.conferences.bySlug(conferenceSlug, viewer, 'conferenceSlug') : undefined;
    const speaker = speakerSlug ? await this.directory.bySlug(speakerSlug, viewer, 'speakerSlug') : undefined;
    return this.interviewService.list({ conference, speaker }, page, viewer);
  }

  @Query(() => Interview, { nullable: true, description: 'An interview by slug; empty if there is none you may see.' })
  interview(@Args('slug', { description: "The interview's slug." }) slug: string, @CurrentViewer() viewer: Viewer) {
    return this.interviewService.bySlug(slug, viewer);
  }

  @ResolveField(() => String, {
    description: "In the locale asked for, else the best match of the request's Accept-Language, else the interview's own language.",
  })
  title(
    @Parent() interview: Interview,
    @Context() context: RequestContext,
    @Args('locale', { nullable: true, description: 'The language wanted (BCP 47), e.g. "sv"; else chosen as the field says.' })
    locale?: string,
  ) {
    // Empty only for interviews stored before a title needed a text (see `mergeLocalisedText`).
    return localiseFor(interview.title, interviewWishes(interview.language, context, locale)).text ?? '';
  }

  @ResolveField(() => String, { nullable: true, description: 'The introduction before the questions, chosen as `title` is.' })
  lead(
    @Parent() interview: Interview,
    @Context() context: RequestContext,
    @Args('locale', { nullable: true, description: 'The language wanted (BCP 47), e.g. "sv"; else chosen as the field says.' })
    locale?: string,
    @Args('format', { type: () => TextFormat, nullable: true, description: 'MARKDOWN (default, as stored), HTML or TEXT.' })
    format?: TextFormat,
  ) {
    return inFormat(localiseFor(interview.lead, interviewWishes(interview.language, context, locale)).text, format);
  }

  @ResolveField(() => String, { description: 'The locale `title` is given in for the same `locale` argument (and Accept-Language).' })
  titleLocale(
    @Parent() interview: Interview,
    @Context() context: RequestContext,
    @Args('locale', { nullable: true, description: 'The language wanted (BCP 47), e.g. "sv"; else chosen as the field says.' })
    locale?: string,
  ) {
    return localiseFor(interview.title, interviewWishes(interview.language, context, locale)).locale ?? interview.language;
  }

  @ResolveField(() => Conference, { nullable: true, description: 'The conference it is about, if any (and you may see it).' })
  conference(@Parent() interview: Interview, @Context() context: RequestContext) {
    return interview.conferenceId === null ? null : this.conferenceLoader.conference(context, interview.conferenceId);
  }

  @ResolveField(() => Session, { nullable: true, description: 'The session it is about, if any (and you may see it).' })
  session(@Parent() interview: Interview, @Context() context: RequestContext) {
    return interview.sessionId === null ? null : this.sessionLoader.session(context, interview.sessionId);
  }

  @ResolveField(() => [Speaker], { description: 'Who is interviewed, in the order they are presented.' })
  async speakers(@Parent() interview: Interview, @Context() context: RequestContext) {
    const participants = await this.loader.participants(context, interview.id);
    return Promise.all(participants.map((row) => this.speakerLoader.speaker(context, row.speakerId)));
  }

  @ResolveField(() => [InterviewItem], { description: 'The questions and answers, in order.' })
  items(@Parent() interview: Interview, @Context() context: RequestContext) {
    this.loader.prime(context, interview);
    return this.loader.items(context, interview.id);
  }

  @OrganiserMutation(() => Interview, { description: 'Creates an interview.' })
  createInterview(@Args('input', { description: 'The new interview.' }) input: CreateInterviewInput, @CurrentViewer() actor: Viewer) {
    return this.interviewService.create(input, actor);
  }

  @OrganiserMutation(() => Interview, { description: 'Changes an interview.' })
  updateInterview(
    @Args('input', { description: 'The interview and what to change.' }) input: UpdateInterviewInput,
    @Args('id', replacedArg('id', INTERVIEW_ID)) id: string | null,
    @CurrentViewer() actor: Viewer,
  ) {
    const { id: interviewId, ...changes } = mutationInput(input, { id }, ['id']);
    return this.interviewService.update(interviewId, changes, actor);
  }

  @OrganiserMutation(() => Interview, { description: 'Deletes an interview with its questions and answers.' })
  deleteInterview(
    @Args('input', newInputArg(() => DeleteInterviewInput, 'The interview to delete.')) input: DeleteInterviewInput | null,
    @Args('id', replacedArg('id', INTERVIEW_ID)) id: string | null,
    @CurrentViewer() actor: Viewer,
  ) {
    return this.interviewService.remove(mutationInput(input, { id }, ['id']).id, actor);
  }
}

@Resolver(() => InterviewItem)
export class InterviewItemResolver {
  constructor(
    private readonly loader: InterviewLoader,
    private readonly speakerLoader: SpeakerLoader,
  ) {}

  @ResolveField(() => String, { description: 'The question, chosen as `answer` is.' })
  async question(
    @Parent() item: InterviewItem,
    @Context() context: RequestContext,
    @Args('locale', { nullable: true, description: 'The language wanted (BCP 47), e.g. "sv"; else chosen as the field says.' })
    locale?: string,
  ) {
    return localiseFor(item.question, interviewWishes(await this.languageOf(item, context), context, locale)).text;
  }

  @ResolveField(() => String, {
    description: "In the locale asked for, else the best match of the request's Accept-Language, else the interview's own language.",
  })
  async answer(
    @Parent() item: InterviewItem,
    @Context() context: RequestContext,
    @Args('locale', { nullable: true, description: 'The language wanted (BCP 47), e.g. "sv"; else chosen as the field says.' })
    locale?: string,
    @Args('format', { type: () => TextFormat, nullable: true, description: 'MARKDOWN (default, as stored), HTML or TEXT.' })
    format?: TextFormat,
  ) {
    return inFormat(localiseFor(item.answer, interviewWishes(await this.languageOf(item, context), context, locale)).text, format);
  }

  @ResolveField(() => String, { description: 'The locale `answer` is given in for the same `locale` argument (and Accept-Language).' })
  async answerLocale(
    @Parent() item: InterviewItem,
    @Context() context: RequestContext,
    @Args('locale', { nullable: true, description: 'The language wanted (BCP 47), e.g. "sv"; else chosen as the field says.' })
    locale?: string,
  ) {
    return localiseFor(item.answer, interviewWishes(await this.languageOf(item, context), context, locale)).locale;
  }

  @ResolveField(() => Speaker, { nullable: true, description: "The speaker who answers; empty when the answer is not one speaker's." })
  answeredBy(@Parent() item: InterviewItem, @Context() context: RequestContext) {
    return item.answeredById === null ? null : this.speakerLoader.speaker(context, item.answeredById);
  }

  private async languageOf(item: InterviewItem, context: RequestContext): Promise<string | undefined> {
    return (await this.loader.interview(context, item.interviewId))?.language;
  }
}

/** An interview's texts fall back to the language it was held in. */
function interviewWishes(language: string | undefined, context: RequestContext, locale: string | undefined): LocaleWishes {
  return { explicit: locale, accepted: context.acceptedLocales, fallback: language };
}

/** Interviews seen from what they are about: a session, a speaker. */
@Resolver(() => Session)
export class SessionInterviewsResolver {
  constructor(private readonly loader: InterviewLoader) {}

  @ResolveField(() => [Interview], { description: 'Interviews about this session that you may see.' })
  interviews(@Parent() session: Session, @Context() context: RequestContext) {
    return this.loader.aboutSession(context, session.id);
  }
}

@Resolver(() => Speaker)
export class SpeakerInterviewsResolver {
  constructor(private readonly loader: InterviewLoader) {}

  @ResolveField(() => [Interview], { description: 'Interviews with this speaker that you may see.' })
  interviews(@Parent() speaker: Speaker, @Context() context: RequestContext) {
    return this.loader.withSpeaker(context, speaker.id);
  }
}
