import { Field, ID, InputType, Int, OmitType, PartialType } from '@nestjs/graphql';
import { GraphQLDateTime } from 'graphql-scalars';
import { IdInput } from '../common/mutation-input';
import { MAX_LIST_VALUES } from '../common/query-limits';
import { LocalisedTextInput, localisedField } from '../common/localisation';
import { AppearanceRole } from './appearance.entity';
import { SessionFormat, SessionStatus } from './session.entity';

@InputType({ description: 'A new session; it starts unpublished.' })
export class CreateSessionInput {
  @Field(() => ID, { description: 'The conference it belongs to; you must organise it.' })
  conferenceId: string;

  @Field(() => [LocalisedTextInput], { description: localisedField('Needs a text in at least one language, and keeps one.') })
  title: LocalisedTextInput[];

  @Field(() => [LocalisedTextInput], { nullable: true, description: localisedField('Null removes every locale.') })
  abstract?: LocalisedTextInput[] | null;

  @Field(() => SessionFormat, { description: 'What kind of session it is.' })
  format: SessionFormat;

  @Field({ description: 'BCP 47 tag of the language the session is held in.' })
  language: string;

  @Field(() => ID, { nullable: true, description: "One of the conference's rooms; empty: no room yet." })
  roomId?: string | null;

  @Field(() => ID, { nullable: true, description: "One of the conference's tracks; empty: no track." })
  trackId?: string | null;

  @Field(() => GraphQLDateTime, { nullable: true, description: 'With an offset or Z, e.g. "2020-08-19T10:00:00+02:00".' })
  startsAt?: Date | null;

  @Field(() => GraphQLDateTime, { nullable: true, description: 'With an offset or Z; after `startsAt`. Empty while unscheduled.' })
  endsAt?: Date | null;

  @Field(() => SessionStatus, { nullable: true, description: 'TENTATIVE or CONFIRMED (default); cancel with cancelSession.' })
  status?: SessionStatus;

  @Field(() => String, { nullable: true, description: 'A note for readers, e.g. that a time is not confirmed yet.' })
  notes?: string | null;

  @Field(() => String, { nullable: true, description: 'An http(s) URL of the recording.' })
  recordingUrl?: string | null;

  @Field(() => String, { nullable: true, description: 'An http(s) URL of the slides.' })
  slidesUrl?: string | null;

  @Field(() => String, { nullable: true, description: 'An http(s) URL of the live stream.' })
  streamUrl?: string | null;
}

@InputType({ description: 'The session to change, and the changes: fields left out stay as they are; null clears an optional one.' })
export class UpdateSessionInput extends PartialType(OmitType(CreateSessionInput, ['conferenceId'] as const)) {
  @Field(() => ID, { nullable: true, description: "The session's id; required (optional only while the argument `id` is accepted)." })
  id?: string | null;
}

@InputType({ description: 'The session to delete.' })
export class DeleteSessionInput extends IdInput("The session's id.") {}

@InputType({ description: 'The session to publish.' })
export class PublishSessionInput extends IdInput("The session's id.") {}

@InputType({ description: 'The session to unpublish.' })
export class UnpublishSessionInput extends IdInput("The session's id.") {}

@InputType({ description: 'The session to cancel.' })
export class CancelSessionInput extends IdInput("The session's id.") {}

@InputType({
  description: `Every field narrows the list; a list field matches any of its values, and holds at most ${MAX_LIST_VALUES} of them.`,
})
export class SessionFilter {
  @Field(() => [String], { nullable: true, description: 'Days (YYYY-MM-DD) in the conference time zone.' })
  day?: string[];

  @Field(() => [String], { nullable: true, description: 'Track slugs.' })
  track?: string[];

  @Field(() => [String], { nullable: true, description: 'Room slugs.' })
  room?: string[];

  @Field(() => [SessionFormat], { nullable: true, description: 'Session formats.' })
  format?: SessionFormat[];

  @Field(() => [String], { nullable: true, description: 'Languages the sessions are held in.' })
  language?: string[];

  @Field(() => [String], { nullable: true, description: 'Speaker slugs.' })
  speaker?: string[];

  @Field(() => [SessionStatus], { nullable: true, description: 'Session statuses.' })
  status?: SessionStatus[];

  @Field({ nullable: true, description: "Words in the title, abstract or a speaker's name." })
  text?: string;
}

@InputType({ description: "A speaker to add to a session's line-up." })
export class AddAppearanceInput {
  @Field(() => ID, { description: 'The session.' })
  sessionId: string;

  @Field(() => ID, { description: 'The speaker; at most once per session.' })
  speakerId: string;

  @Field(() => AppearanceRole, { nullable: true, description: 'Default SPEAKER.' })
  role?: AppearanceRole;

  @Field(() => String, { nullable: true, description: 'Job title at the time of the session.' })
  title?: string | null;

  @Field(() => String, { nullable: true, description: 'Organisation at the time of the session.' })
  organisation?: string | null;

  @Field(() => Int, { nullable: true, description: 'Where to list the speaker, from 0; default last.' })
  position?: number;
}

@InputType({
  description: 'The appearance to change, and the changes: fields left out stay as they are; null clears the title or organisation.',
})
export class UpdateAppearanceInput {
  @Field(() => ID, { nullable: true, description: "The appearance's id; required (optional only while the argument `id` is accepted)." })
  id?: string | null;

  @Field(() => AppearanceRole, { nullable: true, description: 'Their part in the session.' }) role?: AppearanceRole;
  @Field(() => String, { nullable: true, description: 'Job title at the time of the session.' }) title?: string | null;
  @Field(() => String, { nullable: true, description: 'Organisation at the time of the session.' }) organisation?: string | null;
}

@InputType({ description: "A speaker's new place in a session's line-up." })
export class MoveAppearanceInput {
  @Field(() => ID, { description: "The appearance's id." })
  id: string;

  @Field(() => Int, { description: 'The new place in the line-up, from 0; the others shift to make room.' })
  position: number;
}

@InputType({ description: 'The appearance to take out of its session.' })
export class RemoveAppearanceInput extends IdInput("The appearance's id.") {}
