import { Field, InputType, PartialType } from '@nestjs/graphql';
import { LocalisedTextInput } from '../common/localisation';

@InputType()
export class SpeakerLinkInput {
  @Field() label: string;
  @Field() url: string;
}

@InputType()
export class CreateSpeakerInput {
  @Field({ description: 'Lower-case letters, digits and hyphens, e.g. "erik-sandstrom".' })
  slug: string;

  @Field()
  name: string;

  @Field(() => [String], { nullable: true, description: 'Other spellings of the name.' })
  otherNames?: string[];

  @Field(() => [LocalisedTextInput], { nullable: true })
  bio?: LocalisedTextInput[];

  @Field(() => String, { nullable: true })
  photoUrl?: string | null;

  @Field(() => [SpeakerLinkInput], { nullable: true })
  links?: SpeakerLinkInput[];

  @Field(() => String, { nullable: true, description: 'Private: organisers only, never public.' })
  email?: string | null;
}

@InputType()
export class UpdateSpeakerInput extends PartialType(CreateSpeakerInput) {}
