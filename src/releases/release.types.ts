import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { GraphQLDateTime } from 'graphql-scalars';
import { AppearanceRole } from '../sessions/appearance.entity';
import { SessionFormat, SessionStatus } from '../sessions/session.entity';
import { PublishedSession } from '../published/published-programme';

@ObjectType({ description: 'A room or track as a release shows it.' })
export class ReleasedPlace {
  @Field({ description: 'Its slug at the time.' }) slug: string;
  @Field({ description: 'Its name at the time.' }) name: string;
}

@ObjectType({ description: "A speaker's part in a session as a release shows it." })
export class ReleasedAppearance {
  @Field({ description: "The speaker's slug at the time." }) speakerSlug: string;
  @Field({ description: "The speaker's name at the time." }) speakerName: string;
  @Field(() => AppearanceRole, { description: 'Their part in the session.' }) role: AppearanceRole;
  @Field(() => String, { nullable: true, description: 'Job title at the time of the session.' }) title: string | null;
  @Field(() => String, { nullable: true, description: 'Organisation at the time of the session.' }) organisation: string | null;
}

/** A session as a release (or the live published programme) shows it; titles resolve per locale. */
@ObjectType({ description: 'A session as one version of the programme shows it.' })
export class ReleasedSession {
  @Field(() => ID, {
    name: 'id',
    description:
      "This version of the session: the same in every release that shows the session as it was then, another once it changed (the live session's own id is `sessionId`).",
  })
  versionId: string;
  @Field(() => ID, { description: "The live session's global id (it may since have been deleted)." }) sessionId: string;
  /** The live session's own id. */
  id: number;
  @Field({ description: 'Stable identifier across edits and releases (calendar UID).' }) uid: string;
  @Field(() => SessionFormat, { description: 'What kind of session it is.' }) format: SessionFormat;
  @Field({ description: 'The language the session is held in (BCP 47).' }) language: string;
  @Field(() => SessionStatus, { description: 'Tentative, confirmed or cancelled.' }) status: SessionStatus;
  @Field(() => GraphQLDateTime, { nullable: true, description: 'UTC instant; empty while unscheduled.' }) startsAt: Date | null;
  @Field(() => GraphQLDateTime, { nullable: true, description: 'UTC instant; empty while unscheduled.' }) endsAt: Date | null;
  @Field(() => Int, { description: 'The iCal SEQUENCE the session had in this version.' }) revision: number;
  @Field(() => ReleasedPlace, { nullable: true, description: 'Where it is held; empty without a room.' }) room: ReleasedPlace | null;
  @Field(() => ReleasedPlace, { nullable: true, description: 'Its track; empty without one.' }) track: ReleasedPlace | null;
  @Field(() => [ReleasedAppearance], { description: 'Who takes part, in listing order.' }) appearances: ReleasedAppearance[];
  @Field(() => GraphQLDateTime, { description: 'When the session had last changed (UTC).' }) updatedAt: Date;
  /** The stored session, for the localised fields. */
  stored: PublishedSession;
  defaultLocale: string;
}

@ObjectType({ description: 'Where and when a session is, in one version.' })
export class SessionSlot {
  @Field(() => GraphQLDateTime, { nullable: true, description: 'UTC instant; empty while unscheduled.' }) startsAt: Date | null;
  @Field(() => GraphQLDateTime, { nullable: true, description: 'UTC instant; empty while unscheduled.' }) endsAt: Date | null;
  @Field(() => String, { nullable: true, description: "The room's name." }) room: string | null;
}

@ObjectType({ description: 'A session that got another time or room.' })
export class SessionMove {
  @Field(() => ReleasedSession, { description: 'The session as the newer version shows it.' }) session: ReleasedSession;
  @Field(() => SessionSlot, { description: 'Where and when it was.' }) from: SessionSlot;
  @Field(() => SessionSlot, { description: 'Where and when it is now.' }) to: SessionSlot;
}

@ObjectType({ description: 'A session that got another title.' })
export class SessionRetitle {
  @Field(() => ReleasedSession, { description: 'The session as the newer version shows it.' }) session: ReleasedSession;
  @Field({ description: "In the conference's default language." }) from: string;
  @Field({ description: "The new title, in the conference's default language." }) to: string;
}

@ObjectType({ description: 'A speaker added to or taken out of a session.' })
export class LineUpChange {
  @Field(() => ReleasedSession, { description: 'The session as the newer version shows it.' }) session: ReleasedSession;
  @Field(() => ReleasedAppearance, { description: 'The speaker and their part.' }) speaker: ReleasedAppearance;
}

@ObjectType({ description: 'What changed between two versions of a programme, computed from the versions themselves.' })
export class Changelog {
  @Field(() => Int, { nullable: true, description: 'The release compared from; empty for the first release or a start from nothing.' })
  fromVersion: number | null;

  @Field(() => Int, { nullable: true, description: 'The release compared to; empty for the live published programme.' })
  toVersion: number | null;

  @Field(() => GraphQLDateTime, {
    nullable: true,
    description: 'For changesSince a time: only sessions changed after it (and removals) are listed.',
  })
  since: Date | null;

  @Field(() => [ReleasedSession], { description: 'Sessions new in the programme.' }) added: ReleasedSession[];
  @Field(() => [ReleasedSession], { description: 'No longer in the programme (deleted or withdrawn); the last version known.' })
  removed: ReleasedSession[];
  @Field(() => [ReleasedSession], { description: 'Sessions now cancelled.' }) cancelled: ReleasedSession[];
  @Field(() => [SessionMove], { description: 'A new time or room.' }) moved: SessionMove[];
  @Field(() => [SessionRetitle], { description: 'Sessions with a new title.' }) retitled: SessionRetitle[];
  @Field(() => [LineUpChange], { description: 'Speakers added to a session.' }) speakersAdded: LineUpChange[];
  @Field(() => [LineUpChange], { description: 'Speakers taken out of a session.' }) speakersRemoved: LineUpChange[];

  @Field(() => [ReleasedSession], {
    description: 'Every session that is new or differs in any way: what a copy must update (then delete `removed`).',
  })
  changed: ReleasedSession[];

  @Field(() => [String], { description: 'The changes in words, one line each.' })
  summary: string[];

  /** The summary, line by line, with the session each line is about. */
  lines: { uid: string; text: string }[];
}
