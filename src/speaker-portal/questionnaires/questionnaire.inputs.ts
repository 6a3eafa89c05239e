import { Field, ID, InputType } from '@nestjs/graphql';
import { GraphQLDateTime } from 'graphql-scalars';
import { LocalisedTextInput, localisedField } from '../../common/localisation';
import { IdInput } from '../../common/mutation-input';

@InputType({ description: 'One question; its key names it to the answers, so rewording or reordering keeps them.' })
export class QuestionInput {
  @Field(() => String, {
    nullable: true,
    description: 'Lower-case letters, digits and hyphens, unique within the questionnaire; by default "q1", "q2"… by position.',
  })
  key?: string | null;

  @Field(() => [LocalisedTextInput], { description: 'The question in each language it is asked in.' })
  text: LocalisedTextInput[];
}

@InputType({ description: 'A new questionnaire for a conference (or one of its sessions).' })
export class CreateQuestionnaireInput {
  @Field(() => ID, { nullable: true, description: 'The conference; taken from the session when one is given.' })
  conferenceId?: string | null;

  @Field(() => ID, { nullable: true, description: 'The session the interview will be about, if any.' })
  sessionId?: string | null;

  @Field(() => [LocalisedTextInput], {
    description: localisedField('The interview\'s title; "{name}" stands for the speakers\' names, e.g. "Fem frågor till {name}".'),
  })
  titlePattern: LocalisedTextInput[];

  @Field(() => [LocalisedTextInput], { nullable: true, description: localisedField('The introduction before the questions (Markdown).') })
  lead?: LocalisedTextInput[] | null;

  @Field(() => [String], {
    nullable: true,
    description:
      "The languages speakers answer in, the interview's own first; by default the languages of the title pattern, the conference's default first.",
  })
  locales?: string[] | null;

  @Field(() => [QuestionInput], { description: 'The questions, in the order they are asked.' })
  questions: QuestionInput[];

  @Field(() => GraphQLDateTime, { nullable: true, description: 'When the answers are due; speakers are reminded before it.' })
  dueAt?: Date | null;
}

@InputType({
  description:
    'A questionnaire and what to change; what is left out stays. `questions` replaces the list whole: a question keeps its answers by its key.',
})
export class UpdateQuestionnaireInput {
  @Field(() => ID, { description: "The questionnaire's id." })
  id: string;

  @Field(() => ID, { nullable: true, description: 'The session the interview will be about; null for none.' })
  sessionId?: string | null;

  @Field(() => [LocalisedTextInput], { nullable: true, description: localisedField() })
  titlePattern?: LocalisedTextInput[] | null;

  @Field(() => [LocalisedTextInput], { nullable: true, description: localisedField() })
  lead?: LocalisedTextInput[] | null;

  @Field(() => [String], { nullable: true, description: "The languages speakers answer in, the interview's own first." })
  locales?: string[] | null;

  @Field(() => [QuestionInput], { nullable: true, description: 'The questions, in order; replaces the list whole.' })
  questions?: QuestionInput[] | null;

  @Field(() => GraphQLDateTime, { nullable: true, description: 'When the answers are due; null for no due date.' })
  dueAt?: Date | null;
}

@InputType({ description: 'Asks a speaker to answer a questionnaire (or changes which of its questions they answer).' })
export class AssignQuestionnaireInput {
  @Field(() => ID, { description: "The questionnaire's id." })
  questionnaireId: string;

  @Field(() => ID, { description: 'The speaker: one of the conference, or anyone you may link to it.' })
  speakerId: string;

  @Field(() => [String], {
    nullable: true,
    description: 'The keys of the questions this speaker answers (in a panel, each their own); by default all of them.',
  })
  questionKeys?: string[] | null;
}

@InputType({ description: 'The answer to one question, in one or more languages (Markdown).' })
export class AnswerInput {
  @Field({ description: "The question's key." })
  questionKey: string;

  @Field(() => [LocalisedTextInput], { description: localisedField('Saving one language keeps the others.') })
  text: LocalisedTextInput[];
}

@InputType({ description: 'Answers to save in an assignment; merged by question and language, so nothing not given is lost.' })
export class SaveQuestionnaireAnswersInput {
  @Field(() => ID, { description: "The assignment's id (`viewer { questionnaires { id } }`)." })
  id: string;

  @Field(() => [AnswerInput], { description: 'The answers to change.' })
  answers: AnswerInput[];
}

@InputType({
  description: 'Submits an assignment to the organisers, with any last answers: every question must then have an answer in some language.',
})
export class SubmitQuestionnaireAnswersInput {
  @Field(() => ID, { description: "The assignment's id." })
  id: string;

  @Field(() => [AnswerInput], { nullable: true, description: 'Answers to save first, as `saveQuestionnaireAnswers` does.' })
  answers?: AnswerInput[] | null;
}

@InputType({ description: "An organiser's changes to a speaker's answers; merged as the speaker's are." })
export class UpdateQuestionnaireAnswersInput extends SaveQuestionnaireAnswersInput {}

@InputType({ description: 'Sends answers back to the speaker with a note saying what to change.' })
export class ReturnQuestionnaireAnswersInput {
  @Field(() => ID, { description: "The assignment's id." })
  id: string;

  @Field({ description: 'What the speaker should change; shown on their page.' })
  note: string;
}

@InputType({ description: "Approves a speaker's answers for publishing." })
export class ApproveQuestionnaireAnswersInput extends IdInput("The assignment's id.") {}

@InputType({ description: 'Publishes a questionnaire whose answers are all approved, as an interview.' })
export class PublishQuestionnaireInput {
  @Field(() => ID, { description: "The questionnaire's id." })
  id: string;

  @Field(() => String, { nullable: true, description: "The interview's slug; by default made from its title." })
  slug?: string | null;

  @Field({ nullable: true, description: 'Whether the public sees the interview right away (default true).' })
  published?: boolean;
}
