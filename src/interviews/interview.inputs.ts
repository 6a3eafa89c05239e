import { Field, ID, InputType, OmitType, PartialType } from '@nestjs/graphql';
import { LocalisedTextInput, localisedField } from '../common/localisation';
import { IdInput } from '../common/mutation-input';

@InputType({
  description:
    "One question and one answer; ask the same question twice for two answers. An item without `id` is new: it needs question and answer, each with a text in at least one language. An item with the `id` of one of the interview's items keeps that item: its question and answer are merged by locale (text: null removes that locale), and the fields left out keep their value.",
})
export class InterviewItemInput {
  @Field(() => ID, {
    nullable: true,
    description: "One of this interview's items (`items { id }`), to keep and change it; omit for a new item.",
  })
  id?: string | null;

  @Field(() => [LocalisedTextInput], { nullable: true, description: localisedField('Required for a new item.') })
  question?: LocalisedTextInput[] | null;

  @Field(() => [LocalisedTextInput], { nullable: true, description: localisedField('Required for a new item.') })
  answer?: LocalisedTextInput[] | null;

  @Field(() => ID, { nullable: true, description: "One of the interview's speakers." })
  answeredById?: string | null;

  @Field(() => String, { nullable: true, description: 'Who asked, when not the interviewer.' })
  askedBy?: string | null;
}

@InputType({ description: 'A new interview; it starts unpublished unless `published` says otherwise.' })
export class CreateInterviewInput {
  @Field({ description: 'Unique; lower-case letters, digits and hyphens.' })
  slug: string;

  @Field(() => ID, { nullable: true, description: 'The conference it is about; taken from the session when one is given.' })
  conferenceId?: string | null;

  @Field(() => ID, { nullable: true, description: 'The session it is about, if any.' })
  sessionId?: string | null;

  @Field(() => [ID], { description: 'Who is interviewed, in the order they are presented.' })
  speakerIds: string[];

  @Field(() => [LocalisedTextInput], { description: localisedField() })
  title: LocalisedTextInput[];

  @Field(() => [LocalisedTextInput], { nullable: true, description: localisedField() })
  lead?: LocalisedTextInput[] | null;

  @Field({ description: 'BCP 47 tag of the language it was held in.' })
  language: string;

  @Field(() => String, { nullable: true, description: 'Who wrote it up or asked the questions.' })
  author?: string | null;

  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD' })
  publishedOn?: string | null;

  @Field(() => String, { nullable: true, description: 'An http(s) URL of where it was first published.' })
  sourceUrl?: string | null;

  @Field({ nullable: true, description: 'Whether the public sees it (default false).' })
  published?: boolean;

  @Field(() => [InterviewItemInput], {
    nullable: true,
    description:
      'The questions and answers, in order. On update the list replaces the stored one whole: items not listed are removed; an item listed by `id` is kept, its texts merged by locale.',
  })
  items?: InterviewItemInput[];
}

@InputType({
  description:
    'The interview to change, and the changes. Lists given here (speakers, items) replace the stored ones whole, though an item given by `id` keeps its texts in the locales not given. Localised texts are merged by locale; text: null removes that locale.',
})
export class UpdateInterviewInput extends PartialType(OmitType(CreateInterviewInput, [] as const)) {
  @Field(() => ID, { nullable: true, description: "The interview's id; required (optional only while the argument `id` is accepted)." })
  id?: string | null;
}

@InputType({ description: 'The interview to delete, with its questions and answers.' })
export class DeleteInterviewInput extends IdInput("The interview's id.") {}
