import { Field, ID, InputType, Int, PartialType } from '@nestjs/graphql';
import { LocalisedTextInput, localisedField } from '../common/localisation';
import { ProgrammeFollows } from './conference.entity';

@InputType()
export class CreateConferenceInput {
  @Field({ description: 'Lower-case letters, digits and hyphens, e.g. "internetdagarna-2020".' })
  slug: string;

  @Field()
  name: string;

  @Field(() => [LocalisedTextInput], { nullable: true, description: localisedField('Null removes every locale.') })
  description?: LocalisedTextInput[] | null;

  @Field(() => String, { nullable: true })
  series?: string | null;

  @Field(() => Int, { nullable: true })
  edition?: number | null;

  @Field({ description: 'First day (YYYY-MM-DD) in the conference time zone.' })
  startDate: string;

  @Field({ description: 'Last day (YYYY-MM-DD) in the conference time zone.' })
  endDate: string;

  @Field({ description: 'IANA time zone, e.g. "Europe/Oslo"; stored as tzdata spells it ("europe/oslo" is kept as "Europe/Oslo").' })
  timeZone: string;

  @Field({ description: 'BCP 47 tag texts fall back to, with a known language, e.g. "nb".' })
  defaultLocale: string;

  @Field(() => String, { nullable: true })
  venue?: string | null;

  @Field(() => String, { nullable: true })
  city?: string | null;

  @Field(() => String, { nullable: true })
  websiteUrl?: string | null;

  @Field(() => String, { nullable: true })
  organiser?: string | null;

  @Field(() => ProgrammeFollows, { nullable: true, description: 'LIVE (default) or LATEST_RELEASE.' })
  programmeFollows?: ProgrammeFollows;
}

@InputType()
export class UpdateConferenceInput extends PartialType(CreateConferenceInput) {}

@InputType()
export class CreateRoomInput {
  @Field(() => ID)
  conferenceId: string;

  @Field()
  slug: string;

  @Field()
  name: string;

  @Field(() => Int, { nullable: true })
  capacity?: number | null;

  @Field(() => String, { nullable: true, description: 'Set for an online room.' })
  streamUrl?: string | null;

  @Field(() => Int, { nullable: true })
  position?: number;

  @Field({ nullable: true, description: 'Default true.' })
  published?: boolean;
}

@InputType()
export class UpdateRoomInput {
  @Field({ nullable: true }) slug?: string;
  @Field({ nullable: true }) name?: string;
  @Field(() => Int, { nullable: true }) capacity?: number | null;
  @Field(() => String, { nullable: true }) streamUrl?: string | null;
  @Field(() => Int, { nullable: true }) position?: number;
  @Field({ nullable: true }) published?: boolean;
}

@InputType()
export class CreateTrackInput {
  @Field(() => ID)
  conferenceId: string;

  @Field()
  slug: string;

  @Field()
  name: string;

  @Field(() => String, { nullable: true, description: '#rrggbb' })
  color?: string | null;

  @Field(() => Int, { nullable: true })
  position?: number;

  @Field({ nullable: true, description: 'Default true.' })
  published?: boolean;
}

@InputType()
export class UpdateTrackInput {
  @Field({ nullable: true }) slug?: string;
  @Field({ nullable: true }) name?: string;
  @Field(() => String, { nullable: true }) color?: string | null;
  @Field(() => Int, { nullable: true }) position?: number;
  @Field({ nullable: true }) published?: boolean;
}
