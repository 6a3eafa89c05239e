import { Field, ID, InputType } from '@nestjs/graphql';
import { GraphQLDateTime } from 'graphql-scalars';
import { LocalisedTextInput } from '../../common/localisation';
import { IdInput } from '../../common/mutation-input';
import { SpeakerLinkInput } from '../../speakers/speaker.inputs';

@InputType({
  description:
    'What a signed-in speaker changes on their own profile; fields left out stay as they are. Published at once or after review, as the conference that owns the profile chooses.',
})
export class ProposeProfileChangeInput {
  @Field(() => String, { nullable: true, description: 'Their name as they want it shown.' })
  name?: string | null;

  @Field(() => [String], { nullable: true, description: 'Other spellings of the name; replaces the list.' })
  otherNames?: string[] | null;

  @Field(() => [LocalisedTextInput], {
    nullable: true,
    description: 'The bio in Markdown, per locale: the locales given are changed (an empty text removes one), the others are kept.',
  })
  bio?: LocalisedTextInput[] | null;

  @Field(() => [SpeakerLinkInput], { nullable: true, description: 'Links on the profile (http or https), in order; replaces the list.' })
  links?: SpeakerLinkInput[] | null;

  @Field(() => String, { nullable: true, description: 'A photo the speaker uploaded (its id, from the upload), to show on the profile.' })
  photoId?: string | null;
}

@InputType({ description: 'What a signed-in speaker changes on one of their appearances; fields left out stay as they are.' })
export class ProposeAppearanceChangeInput {
  @Field(() => ID, { description: 'One of your own appearances.' })
  appearanceId: string;

  @Field(() => String, { nullable: true, description: 'Job title at the time; an empty text clears it.' })
  title?: string | null;

  @Field(() => String, { nullable: true, description: 'Organisation at the time; an empty text clears it.' })
  organisation?: string | null;
}

@InputType({ description: 'A change to approve: it is published through the same rules as an organiser’s own edit.' })
export class ApproveProfileChangeInput extends IdInput("The change's id.") {
  @Field(() => String, { nullable: true, description: 'A note to the speaker.' })
  note?: string | null;
}

@InputType({ description: 'A change to reject; nothing of it is published.' })
export class RejectProfileChangeInput extends IdInput("The change's id.") {
  @Field(() => String, { nullable: true, description: 'Why, for the speaker to read.' })
  note?: string | null;
}

@InputType({ description: 'A time the signed-in speaker cannot speak.' })
export class AddUnavailabilityInput {
  @Field(() => GraphQLDateTime, { description: 'From when (an instant, e.g. "2026-11-24T08:00:00Z").' })
  startsAt: Date;

  @Field(() => GraphQLDateTime, { description: 'Until when; after `startsAt`.' })
  endsAt: Date;

  @Field(() => String, { nullable: true, description: 'Why, e.g. "Travelling"; organisers see it. At most 500 characters.' })
  note?: string | null;
}

@InputType({ description: 'A time the speaker marked, to take away.' })
export class RemoveUnavailabilityInput extends IdInput("The period's id.") {}
