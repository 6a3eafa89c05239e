import { Field, ID, InputType, OmitType, PartialType } from '@nestjs/graphql';
import { LocalisedTextInput } from '../common/localisation';

@InputType({ description: 'One question and one answer; ask the same question twice for two answers.' })
export class InterviewItemInput {
  @Field(() => [LocalisedTextInput])
  question: LocalisedTextInput[];

  @Field(() => [LocalisedTextInput])
  answer: LocalisedTextInput[];

  @Field(() => ID, { nullable: true, description: "One of the interview's speakers." })
  answeredById?: string | null;

  @Field(() => String, { nullable: true, description: 'Who asked, when not the interviewer.' })
  askedBy?: string | null;
}

@InputType()
export class CreateInterviewInput {
  @Field()
  slug: string;

  @Field(() => ID, { nullable: true, description: 'The conference it is about; taken from the session when one is given.' })
  conferenceId?: string | null;

  @Field(() => ID, { nullable: true, description: 'The session it is about, if any.' })
  sessionId?: string | null;

  @Field(() => [ID], { description: 'Who is interviewed, in the order they are presented.' })
  speakerIds: string[];

  @Field(() => [LocalisedTextInput])
  title: LocalisedTextInput[];

  @Field(() => [LocalisedTextInput], { nullable: true })
  lead?: LocalisedTextInput[];

  @Field({ description: 'BCP 47 tag of the language it was held in.' })
  language: string;

  @Field(() => String, { nullable: true })
  author?: string | null;

  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD' })
  publishedOn?: string | null;

  @Field(() => String, { nullable: true })
  sourceUrl?: string | null;

  @Field({ nullable: true, description: 'Whether the public sees it (default false).' })
  published?: boolean;

  @Field(() => [InterviewItemInput], { nullable: true, description: 'The questions and answers, in order.' })
  items?: InterviewItemInput[];
}

@InputType({ description: 'Lists given here (speakers, items) replace the stored ones whole.' })
export class UpdateInterviewInput extends PartialType(OmitType(CreateInterviewInput, [] as const)) {}
