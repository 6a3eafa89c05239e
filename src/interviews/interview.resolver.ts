import { Args, Context, ID, ObjectType, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { CurrentViewer } from '../auth/current-viewer.decorator';
import { OrganiserMutation } from '../auth/organiser-mutation.decorator';
import { RequestContext } from '../auth/request-context';
import { Viewer } from '../auth/viewer';
import { Connection, PageArgs } from '../common/connection';
import { LocaleWishes, localiseFor } from '../common/localisation';
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
import { CreateInterviewInput, UpdateInterviewInput } from './interview.inputs';
import { InterviewLoader } from './interview.loader';
import { InterviewService } from './interview.service';

@ObjectType()
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
    @Args('conferenceSlug', { nullable: true }) conferenceSlug: string,
    @Args('speakerSlug', { nullable: true }) speakerSlug: string,
    @Args() page: PageArgs,
    @CurrentViewer() viewer: Viewer,
  ) {
    const conference = conferenceSlug ? await this.conferences.bySlug(conferenceSlug, viewer, 'conferenceSlug') : undefined;
    const speaker = speakerSlug ? await this.directory.bySlug(speakerSlug, viewer, 'speakerSlug') : undefined;
    return this.interviewService.list({ conference, speaker }, page, viewer);
  }

  @Query(() => Interview, { nullable: true })
  interview(@Args('slug') slug: string, @CurrentViewer() viewer: Viewer) {
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

  @ResolveField(() => String, { nullable: true })
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

  @ResolveField(() => Conference, { nullable: true })
  conference(@Parent() interview: Interview, @Context() context: RequestContext) {
    return interview.conferenceId === null ? null : this.conferenceLoader.conference(context, interview.conferenceId);
  }

  @ResolveField(() => Session, { nullable: true })
  session(@Parent() interview: Interview, @Context() context: RequestContext) {
    return interview.sessionId === null ? null : this.sessionLoader.session(context, interview.sessionId);
  }

  @ResolveField(() => [Speaker])
  async speakers(@Parent() interview: Interview, @Context() context: RequestContext) {
    const participants = await this.loader.participants(context, interview.id);
    return Promise.all(participants.map((row) => this.speakerLoader.speaker(context, row.speakerId)));
  }

  @ResolveField(() => [InterviewItem], { description: 'The questions and answers, in order.' })
  items(@Parent() interview: Interview, @Context() context: RequestContext) {
    this.loader.prime(context, interview);
    return this.loader.items(context, interview.id);
  }

  @OrganiserMutation(() => Interview)
  createInterview(@Args('input') input: CreateInterviewInput, @CurrentViewer() actor: Viewer) {
    return this.interviewService.create(input, actor);
  }

  @OrganiserMutation(() => Interview)
  updateInterview(@Args('id', { type: () => ID }) id: string, @Args('input') input: UpdateInterviewInput, @CurrentViewer() actor: Viewer) {
    return this.interviewService.update(id, input, actor);
  }

  @OrganiserMutation(() => Interview)
  deleteInterview(@Args('id', { type: () => ID }) id: string, @CurrentViewer() actor: Viewer) {
    return this.interviewService.remove(id, actor);
  }
}

@Resolver(() => InterviewItem)
export class InterviewItemResolver {
  constructor(
    private readonly loader: InterviewLoader,
    private readonly speakerLoader: SpeakerLoader,
  ) {}

  @ResolveField(() => String)
  async question(
    @Parent() item: InterviewItem,
    @Context() context: RequestContext,
    @Args('locale', { nullable: true, description: 'The language wanted (BCP 47), e.g. "sv"; else chosen as the field says.' })
    locale?: string,
  ) {
    return localiseFor(item.question, interviewWishes(await this.languageOf(item, context), context, locale)).text;
  }

  @ResolveField(() => String)
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

  @ResolveField(() => Speaker, { nullable: true })
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

  @ResolveField(() => [Interview])
  interviews(@Parent() session: Session, @Context() context: RequestContext) {
    return this.loader.aboutSession(context, session.id);
  }
}

@Resolver(() => Speaker)
export class SpeakerInterviewsResolver {
  constructor(private readonly loader: InterviewLoader) {}

  @ResolveField(() => [Interview])
  interviews(@Parent() speaker: Speaker, @Context() context: RequestContext) {
    return this.loader.withSpeaker(context, speaker.id);
  }
}
