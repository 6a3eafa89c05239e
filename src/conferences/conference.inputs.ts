import { Field, ID, InputType, Int, PartialType } from '@nestjs/graphql';
import { LocalisedTextInput, localisedField } from '../common/localisation';
import { IdInput } from '../common/mutation-input';
import { ProgrammeFollows } from './conference.entity';

@InputType({ description: 'A new conference; it starts as a draft.' })
export class CreateConferenceInput {
  @Field({ description: 'Lower-case letters, digits and hyphens, e.g. "internetdagarna-2020".' })
  slug: string;

  @Field({ description: 'E.g. "Internetdagarna 2020".' })
  name: string;

  @Field(() => [LocalisedTextInput], { nullable: true, description: localisedField('Null removes every locale.') })
  description?: LocalisedTextInput[] | null;

  @Field(() => String, { nullable: true, description: 'The series it belongs to, e.g. "Internetdagarna".' })
  series?: string | null;

  @Field(() => Int, { nullable: true, description: 'The edition, e.g. 2020.' })
  edition?: number | null;

  @Field({ description: 'First day (YYYY-MM-DD) in the conference time zone.' })
  startDate: string;

  @Field({ description: 'Last day (YYYY-MM-DD) in the conference time zone.' })
  endDate: string;

  @Field({ description: 'IANA time zone, e.g. "Europe/Oslo"; stored as tzdata spells it ("europe/oslo" is kept as "Europe/Oslo").' })
  timeZone: string;

  @Field({ description: 'BCP 47 tag texts fall back to, with a known language, e.g. "nb".' })
  defaultLocale: string;

  @Field(() => [String], {
    nullable: true,
    description:
      'The languages its texts are published in, e.g. ["sv", "en"]; the default language is always one (first). Replaces the list.',
  })
  locales?: string[] | null;

  @Field(() => String, { nullable: true, description: 'Where it is held.' })
  venue?: string | null;

  @Field(() => String, { nullable: true, description: 'The city it is held in.' })
  city?: string | null;

  @Field(() => String, { nullable: true, description: "An http(s) URL of the conference's website." })
  websiteUrl?: string | null;

  @Field(() => String, { nullable: true, description: 'Who runs the event.' })
  organiser?: string | null;

  @Field(() => ProgrammeFollows, { nullable: true, description: 'LIVE (default) or LATEST_RELEASE.' })
  programmeFollows?: ProgrammeFollows;

  @Field({
    nullable: true,
    description: "Whether speakers' changes to their own profile and appearances wait for an organiser's approval; default true.",
  })
  speakerChangesNeedReview?: boolean;
}

@InputType({ description: 'The conference to change, and the changes: fields left out stay as they are.' })
export class UpdateConferenceInput extends PartialType(CreateConferenceInput) {
  @Field(() => ID, { nullable: true, description: "The conference's id; required (optional only while the argument `id` is accepted)." })
  id?: string | null;
}

@InputType({ description: 'The conference to delete, with everything in it.' })
export class DeleteConferenceInput extends IdInput("The conference's id.") {}

@InputType({ description: 'The conference to publish.' })
export class PublishConferenceInput extends IdInput("The conference's id.") {}

@InputType({ description: 'The conference to unpublish.' })
export class UnpublishConferenceInput extends IdInput("The conference's id.") {}

@InputType({ description: 'A new room of a conference.' })
export class CreateRoomInput {
  @Field(() => ID, { description: 'The conference; you must organise it.' })
  conferenceId: string;

  @Field({ description: 'Unique within the conference; lower-case letters, digits and hyphens.' })
  slug: string;

  @Field({ description: 'E.g. "Sal A".' })
  name: string;

  @Field(() => Int, { nullable: true, description: 'How many people it seats.' })
  capacity?: number | null;

  @Field(() => String, { nullable: true, description: 'Set for an online room.' })
  streamUrl?: string | null;

  @Field(() => Int, { nullable: true, description: "Where it sorts among the conference's rooms; default last." })
  position?: number;

  @Field({ nullable: true, description: 'Default true.' })
  published?: boolean;
}

@InputType({ description: 'The room to change, and the changes: fields left out stay as they are.' })
export class UpdateRoomInput {
  @Field(() => ID, { nullable: true, description: "The room's id; required (optional only while the argument `id` is accepted)." })
  id?: string | null;
  @Field({ nullable: true, description: 'Unique within the conference.' }) slug?: string;
  @Field({ nullable: true, description: "The room's name." }) name?: string;
  @Field(() => Int, { nullable: true, description: 'How many people it seats; null: unknown.' }) capacity?: number | null;
  @Field(() => String, { nullable: true, description: 'Where an online room streams; null makes it an on-site room.' }) streamUrl?:
    string | null;
  @Field(() => Int, { nullable: true, description: "Where it sorts among the conference's rooms." }) position?: number;
  @Field({ nullable: true, description: 'Whether the public sees it.' }) published?: boolean;
}

@InputType({ description: 'A new track of a conference.' })
export class CreateTrackInput {
  @Field(() => ID, { description: 'The conference; you must organise it.' })
  conferenceId: string;

  @Field({ description: 'Unique within the conference; lower-case letters, digits and hyphens.' })
  slug: string;

  @Field({ description: 'E.g. "Digital strategy".' })
  name: string;

  @Field(() => String, { nullable: true, description: '#rrggbb' })
  color?: string | null;

  @Field(() => Int, { nullable: true, description: "Where it sorts among the conference's tracks; default last." })
  position?: number;

  @Field({ nullable: true, description: 'Default true.' })
  published?: boolean;
}

@InputType({ description: 'The track to change, and the changes: fields left out stay as they are.' })
export class UpdateTrackInput {
  @Field(() => ID, { nullable: true, description: "The track's id; required (optional only while the argument `id` is accepted)." })
  id?: string | null;
  @Field({ nullable: true, description: 'Unique within the conference.' }) slug?: string;
  @Field({ nullable: true, description: "The track's name." }) name?: string;
  @Field(() => String, { nullable: true, description: 'A colour for programme grids, as #rrggbb; null: none.' }) color?: string | null;
  @Field(() => Int, { nullable: true, description: "Where it sorts among the conference's tracks." }) position?: number;
  @Field({ nullable: true, description: 'Whether the public sees it.' }) published?: boolean;
}

@InputType({ description: 'The room to delete.' })
export class DeleteRoomInput extends IdInput("The room's id.") {}

@InputType({ description: 'The track to delete.' })
export class DeleteTrackInput extends IdInput("The track's id.") {}
