import { Field, ID, InputType, Int, PartialType } from '@nestjs/graphql';
import { LocalisedTextInput, localisedField } from '../common/localisation';
import { IdInput } from '../common/mutation-input';

@InputType({ description: "A link on a speaker's profile." })
export class SpeakerLinkInput {
  @Field({ description: 'What the link is, e.g. "LinkedIn".' }) label: string;
  @Field({ description: 'An http(s) URL.' }) url: string;
}

@InputType({ description: 'A new speaker profile.' })
export class CreateSpeakerInput {
  @Field({ description: 'Lower-case letters, digits and hyphens, e.g. "erik-sandstrom".' })
  slug: string;

  @Field(() => ID, {
    nullable: true,
    description:
      "The conference whose organisers own the profile (may edit it and read the e-mail); you must organise it. Required unless you are an admin (an admin's speaker without one is the admins' alone).",
  })
  conferenceId?: string | null;

  @Field({ description: 'Their name as they want it shown.' })
  name: string;

  @Field(() => [String], { nullable: true, description: 'Other spellings of the name.' })
  otherNames?: string[];

  @Field(() => [LocalisedTextInput], { nullable: true, description: localisedField('Null removes every locale.') })
  bio?: LocalisedTextInput[] | null;

  @Field(() => String, { nullable: true, description: 'An http(s) URL of their photo.' })
  photoUrl?: string | null;

  @Field(() => Int, { nullable: true, description: "The photo's width in pixels." })
  photoWidth?: number | null;

  @Field(() => Int, { nullable: true, description: "The photo's height in pixels." })
  photoHeight?: number | null;

  @Field(() => [LocalisedTextInput], {
    nullable: true,
    description: localisedField('What the photo shows, for readers who cannot see it. Null removes every locale.'),
  })
  photoAlt?: LocalisedTextInput[] | null;

  @Field(() => [String], {
    nullable: true,
    description: 'Other slugs that name this person (from other spellings); looking one up leads here. Replaces the list.',
  })
  otherSlugs?: string[];

  @Field(() => [SpeakerLinkInput], { nullable: true, description: 'Links on their profile, in order; replaces the list.' })
  links?: SpeakerLinkInput[];

  @Field(() => String, { nullable: true, description: 'Private: organisers only, never public. At most 254 characters.' })
  email?: string | null;
}

@InputType({ description: 'The speaker to change, and the changes: fields left out stay as they are.' })
export class UpdateSpeakerInput extends PartialType(CreateSpeakerInput) {
  @Field(() => ID, { nullable: true, description: "The speaker's id; required (optional only while the argument `id` is accepted)." })
  id?: string | null;
}

@InputType({ description: 'The speaker to delete, with their appearances.' })
export class DeleteSpeakerInput extends IdInput("The speaker's id.") {}

@InputType({ description: 'Two records of the same person: one to keep, one to merge into it and delete.' })
export class MergeSpeakersInput {
  @Field(() => ID, {
    description: "The id of the speaker who stays: their slug, name, profile and each session's title and organisation win.",
  })
  keepId: string;

  @Field(() => ID, {
    description:
      "The id of the other record of the same person: its appearances, interviews and speaker's-page rows move to the kept speaker, its slugs lead there, and it is deleted.",
  })
  mergeId: string;
}
