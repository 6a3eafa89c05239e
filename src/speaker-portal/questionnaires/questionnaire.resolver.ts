import { Args, Context, Field, ID, ObjectType, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { GraphQLDateTime } from 'graphql-scalars';
import { CurrentViewer } from '../../auth/current-viewer.decorator';
import { OrganiserMutation } from '../../auth/organiser-mutation.decorator';
import { RequestContext } from '../../auth/request-context';
import { SpeakerMutation } from '../../auth/speaker-mutation.decorator';
import { organises, Viewer } from '../../auth/viewer';
import { ViewerObject } from '../../auth/viewer.object';
import { Connection, PageArgs } from '../../common/connection';
import { LocaleWishes, LocalisedText, localiseFor } from '../../common/localisation';
import { inFormat, TextFormat } from '../../common/rich-text';
import { Conference } from '../../conferences/conference.entity';
import { ConferenceLoader } from '../../conferences/conference.loader';
import { Interview } from '../../interviews/interview.entity';
import { Session } from '../../sessions/session.entity';
import { SessionLoader } from '../../sessions/session.loader';
import { Speaker } from '../../speakers/speaker.entity';
import { SpeakerLoader } from '../../speakers/speaker.loader';
import { QuestionnaireAssignment } from './questionnaire-assignment.entity';
import { Questionnaire, StoredQuestion } from './questionnaire.entity';
import {
  ApproveQuestionnaireAnswersInput,
  AssignQuestionnaireInput,
  CreateQuestionnaireInput,
  PublishQuestionnaireInput,
  ReturnQuestionnaireAnswersInput,
  SaveQuestionnaireAnswersInput,
  SubmitQuestionnaireAnswersInput,
  UpdateQuestionnaireAnswersInput,
  UpdateQuestionnaireInput,
} from './questionnaire.inputs';
import { QuestionnaireLoader } from './questionnaire.loader';
import { questionsOf, QuestionnaireService, titleFor } from './questionnaire.service';

const LOCALE_ARG = {
  nullable: true,
  description: 'The language wanted (BCP 47), e.g. "sv"; else Accept-Language, else the questionnaire\'s first.',
};
const FORMAT_ARG = { type: () => TextFormat, nullable: true, description: 'MARKDOWN (default, as stored), HTML or TEXT.' };

@ObjectType({ description: 'A text in one language.' })
export class QuestionnaireText {
  @Field({ description: 'BCP 47 language tag.' })
  locale: string;

  @Field({ description: 'The text in that language.' })
  text: string;
}

/** A question shown in the questionnaire's languages. */
@ObjectType({ description: 'One question of a questionnaire.' })
export class QuestionnaireQuestion {
  @Field({ description: 'Names the question to its answers (`AnswerInput.questionKey`).' })
  key: string;

  /** Every language of the question, for `text` and `texts`. */
  localised: LocalisedText;
  /** The questionnaire's own languages, what `text` falls back to. */
  fallback: string;
}

@ObjectType({ description: "A speaker's answer to one question, in one or more languages." })
export class QuestionnaireAnswer {
  @Field({ description: "The question's key." })
  questionKey: string;

  localised: LocalisedText;
  fallback: string;
}

@ObjectType({ description: 'A page of questionnaires.' })
export class QuestionnaireConnection extends Connection(Questionnaire) {}

const textsOf = (text: LocalisedText): QuestionnaireText[] => Object.entries(text).map(([locale, value]) => ({ locale, text: value }));
const wishes = (context: RequestContext, locale: string | undefined, fallback: string | undefined): LocaleWishes => ({
  explicit: locale,
  accepted: context.acceptedLocales,
  fallback,
});
const asQuestion = (question: StoredQuestion, questionnaire: Questionnaire): QuestionnaireQuestion =>
  Object.assign(new QuestionnaireQuestion(), { key: question.key, localised: question.text, fallback: questionnaire.locales[0] });

@Resolver(() => Questionnaire)
export class QuestionnaireResolver {
  constructor(
    private readonly service: QuestionnaireService,
    private readonly loader: QuestionnaireLoader,
    private readonly conferenceLoader: ConferenceLoader,
    private readonly sessionLoader: SessionLoader,
  ) {}

  @Query(() => QuestionnaireConnection, { description: "A conference's questionnaires, newest first; for its organisers." })
  questionnaires(
    @Args('conferenceId', { type: () => ID, description: "The conference's id." }) conferenceId: string,
    @Args() page: PageArgs,
    @CurrentViewer() viewer: Viewer,
  ) {
    return this.service.list(conferenceId, page, viewer);
  }

  @ResolveField(() => Conference, { description: 'The conference it is for.' })
  conference(@Parent() questionnaire: Questionnaire, @Context() context: RequestContext) {
    return this.conferenceLoader.conference(context, questionnaire.conferenceId);
  }

  @ResolveField(() => Session, { nullable: true, description: 'The session the interview will be about, if any.' })
  session(@Parent() questionnaire: Questionnaire, @Context() context: RequestContext) {
    return questionnaire.sessionId === null ? null : this.sessionLoader.session(context, questionnaire.sessionId);
  }

  @ResolveField(() => String, { description: 'The title pattern in one language, "{name}" standing for the speakers\' names.' })
  titlePattern(@Parent() questionnaire: Questionnaire, @Context() context: RequestContext, @Args('locale', LOCALE_ARG) locale?: string) {
    return localiseFor(questionnaire.titlePattern, wishes(context, locale, questionnaire.locales[0])).text ?? '';
  }

  @ResolveField(() => [QuestionnaireText], { description: 'The title pattern in every language it has.' })
  titlePatterns(@Parent() questionnaire: Questionnaire) {
    return textsOf(questionnaire.titlePattern);
  }

  @ResolveField(() => String, { nullable: true, description: 'The introduction before the questions, in one language.' })
  lead(
    @Parent() questionnaire: Questionnaire,
    @Context() context: RequestContext,
    @Args('locale', LOCALE_ARG) locale?: string,
    @Args('format', FORMAT_ARG) format?: TextFormat,
  ) {
    return inFormat(localiseFor(questionnaire.lead, wishes(context, locale, questionnaire.locales[0])).text, format);
  }

  @ResolveField(() => [QuestionnaireText], { description: 'The lead in every language it has (Markdown).' })
  leads(@Parent() questionnaire: Questionnaire) {
    return textsOf(questionnaire.lead);
  }

  @ResolveField(() => [String], { description: "The languages speakers answer in, the interview's own first." })
  locales(@Parent() questionnaire: Questionnaire) {
    return questionnaire.locales;
  }

  @ResolveField(() => [QuestionnaireQuestion], { description: 'The questions, in order.' })
  questions(@Parent() questionnaire: Questionnaire) {
    return questionnaire.questions.map((question) => asQuestion(question, questionnaire));
  }

  @ResolveField(() => [QuestionnaireAssignment], {
    description: "The speakers asked, with their answers: all of them for the conference's organisers, a speaker's own for them.",
  })
  async assignments(@Parent() questionnaire: Questionnaire, @Context() context: RequestContext) {
    const assignments = await this.loader.assignments(context, questionnaire.id);
    if (organises(context.viewer, questionnaire.conferenceId)) return assignments;
    return assignments.filter((assignment) => assignment.speakerId === context.viewer.speakerId);
  }

  @ResolveField(() => Interview, { nullable: true, description: 'The interview it was published as, if you may see it.' })
  interview(@Parent() questionnaire: Questionnaire, @Context() context: RequestContext) {
    return questionnaire.interviewId === null ? null : this.loader.interview(context, questionnaire.interviewId);
  }

  @OrganiserMutation(() => Questionnaire, { description: 'Writes a questionnaire for a conference.' })
  createQuestionnaire(
    @Args('input', { description: 'The new questionnaire.' }) input: CreateQuestionnaireInput,
    @CurrentViewer() actor: Viewer,
  ) {
    return this.service.create(input, actor);
  }

  @OrganiserMutation(() => Questionnaire, { description: 'Changes a questionnaire that is not published yet.' })
  updateQuestionnaire(
    @Args('input', { description: 'The questionnaire and what to change.' }) input: UpdateQuestionnaireInput,
    @CurrentViewer() actor: Viewer,
  ) {
    const { id, ...changes } = input;
    return this.service.update(id, changes, actor);
  }

  @OrganiserMutation(() => QuestionnaireAssignment, {
    description: 'Asks a speaker to answer a questionnaire (they get an e-mail), or changes which questions they answer.',
  })
  assignQuestionnaire(
    @Args('input', { description: 'The questionnaire and the speaker.' }) input: AssignQuestionnaireInput,
    @CurrentViewer() actor: Viewer,
  ) {
    return this.service.assign(input, actor);
  }

  @OrganiserMutation(() => QuestionnaireAssignment, { description: "Edits a speaker's answers; merged by question and language." })
  updateQuestionnaireAnswers(
    @Args('input', { description: 'The assignment and the answers to change.' }) input: UpdateQuestionnaireAnswersInput,
    @CurrentViewer() actor: Viewer,
  ) {
    return this.service.updateAnswers(input.id, input.answers, actor);
  }

  @OrganiserMutation(() => QuestionnaireAssignment, {
    description: 'Sends submitted answers back to the speaker with a note, so they may edit them again.',
  })
  returnQuestionnaireAnswers(
    @Args('input', { description: 'The assignment and the note.' }) input: ReturnQuestionnaireAnswersInput,
    @CurrentViewer() actor: Viewer,
  ) {
    return this.service.returnAnswers(input.id, input.note, actor);
  }

  @OrganiserMutation(() => QuestionnaireAssignment, { description: "Approves a speaker's answers for publishing." })
  approveQuestionnaireAnswers(
    @Args('input', { description: 'The assignment to approve.' }) input: ApproveQuestionnaireAnswersInput,
    @CurrentViewer() actor: Viewer,
  ) {
    return this.service.approve(input.id, actor);
  }

  @OrganiserMutation(() => Questionnaire, {
    description: 'Publishes a questionnaire whose answers are all approved as an interview, each answer by its speaker.',
  })
  publishQuestionnaire(
    @Args('input', { description: 'The questionnaire to publish.' }) input: PublishQuestionnaireInput,
    @CurrentViewer() actor: Viewer,
  ) {
    return this.service.publish(input, actor);
  }
}

@Resolver(() => QuestionnaireAssignment)
export class QuestionnaireAssignmentResolver {
  constructor(
    private readonly service: QuestionnaireService,
    private readonly loader: QuestionnaireLoader,
    private readonly speakerLoader: SpeakerLoader,
  ) {}

  @ResolveField(() => Questionnaire, { description: 'The questionnaire answered.' })
  async questionnaire(@Parent() assignment: QuestionnaireAssignment, @Context() context: RequestContext) {
    return (await this.loader.questionnaire(context, assignment.questionnaireId))!;
  }

  @ResolveField(() => Speaker, { nullable: true, description: 'The speaker asked.' })
  speaker(@Parent() assignment: QuestionnaireAssignment, @Context() context: RequestContext) {
    return this.speakerLoader.speaker(context, assignment.speakerId);
  }

  @ResolveField(() => String, { description: "The interview's title with this speaker's name, in one language." })
  async title(
    @Parent() assignment: QuestionnaireAssignment,
    @Context() context: RequestContext,
    @Args('locale', LOCALE_ARG) locale?: string,
  ) {
    const questionnaire = (await this.loader.questionnaire(context, assignment.questionnaireId))!;
    const speaker = await this.speakerLoader.speaker(context, assignment.speakerId);
    return localiseFor(titleFor(questionnaire, [speaker?.name ?? '']), wishes(context, locale, questionnaire.locales[0])).text ?? '';
  }

  @ResolveField(() => [QuestionnaireQuestion], { description: 'The questions this speaker answers, in order.' })
  async questions(@Parent() assignment: QuestionnaireAssignment, @Context() context: RequestContext) {
    const questionnaire = (await this.loader.questionnaire(context, assignment.questionnaireId))!;
    return questionsOf(questionnaire, assignment).map((question) => asQuestion(question, questionnaire));
  }

  @ResolveField(() => [QuestionnaireAnswer], { description: "The speaker's answers so far, in question order." })
  async answers(@Parent() assignment: QuestionnaireAssignment, @Context() context: RequestContext) {
    const questionnaire = (await this.loader.questionnaire(context, assignment.questionnaireId))!;
    return questionsOf(questionnaire, assignment)
      .filter((question) => assignment.answers[question.key])
      .map((question) =>
        Object.assign(new QuestionnaireAnswer(), {
          questionKey: question.key,
          localised: assignment.answers[question.key],
          fallback: questionnaire.locales[0],
        }),
      );
  }

  @ResolveField(() => GraphQLDateTime, { nullable: true, description: 'When the answers are due (UTC).' })
  async dueAt(@Parent() assignment: QuestionnaireAssignment, @Context() context: RequestContext) {
    return (await this.loader.questionnaire(context, assignment.questionnaireId))!.dueAt;
  }

  @SpeakerMutation(() => QuestionnaireAssignment, {
    description: 'Saves your draft answers; merged by question and language, so saving one language keeps the others.',
  })
  saveQuestionnaireAnswers(
    @Args('input', { description: 'Your assignment and answers.' }) input: SaveQuestionnaireAnswersInput,
    @CurrentViewer() viewer: Viewer,
  ) {
    return this.service.saveOwnAnswers(input.id, input.answers, viewer);
  }

  @SpeakerMutation(() => QuestionnaireAssignment, {
    description: 'Submits your answers to the organisers; every question needs an answer. You can edit again only if they return them.',
  })
  submitQuestionnaireAnswers(
    @Args('input', { description: 'Your assignment, and any last answers.' }) input: SubmitQuestionnaireAnswersInput,
    @CurrentViewer() viewer: Viewer,
  ) {
    return this.service.submitOwnAnswers(input.id, input.answers, viewer);
  }
}

@Resolver(() => QuestionnaireQuestion)
export class QuestionnaireQuestionResolver {
  @ResolveField(() => String, { description: 'The question in one language.' })
  text(@Parent() question: QuestionnaireQuestion, @Context() context: RequestContext, @Args('locale', LOCALE_ARG) locale?: string) {
    return localiseFor(question.localised, wishes(context, locale, question.fallback)).text ?? '';
  }

  @ResolveField(() => [QuestionnaireText], { description: 'The question in every language it has.' })
  texts(@Parent() question: QuestionnaireQuestion) {
    return textsOf(question.localised);
  }
}

@Resolver(() => QuestionnaireAnswer)
export class QuestionnaireAnswerResolver {
  @ResolveField(() => String, { nullable: true, description: 'The answer in one language.' })
  text(
    @Parent() answer: QuestionnaireAnswer,
    @Context() context: RequestContext,
    @Args('locale', LOCALE_ARG) locale?: string,
    @Args('format', FORMAT_ARG) format?: TextFormat,
  ) {
    return inFormat(localiseFor(answer.localised, wishes(context, locale, answer.fallback)).text, format);
  }

  @ResolveField(() => [QuestionnaireText], { description: 'The answer in every language it has (Markdown).' })
  texts(@Parent() answer: QuestionnaireAnswer) {
    return textsOf(answer.localised);
  }
}

/** The signed-in speaker's questionnaires, on `viewer`. */
@Resolver(() => ViewerObject)
export class ViewerQuestionnairesResolver {
  constructor(
    private readonly service: QuestionnaireService,
    private readonly loader: QuestionnaireLoader,
  ) {}

  @ResolveField(() => [QuestionnaireAssignment], {
    description: 'A signed-in speaker: the questionnaires you are asked to answer, newest first. Empty for anyone else.',
  })
  async questionnaires(@Parent() viewer: ViewerObject, @Context() context: RequestContext) {
    const views = await this.service.ownAssignments(viewer.rights);
    for (const { questionnaire } of views) this.loader.prime(context, questionnaire);
    return views.map(({ assignment }) => assignment);
  }
}
