import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { GraphQLDateTime } from 'graphql-scalars';
import { AppearanceRole } from '../sessions/appearance.entity';
import { SessionFormat, SessionStatus } from '../sessions/session.entity';
import { PublishedSession } from '../published/published-programme';

@ObjectType({ description: 'A room or track as a release shows it.' })
export class ReleasedPlace {
  @Field() slug: string;
  @Field() name: string;
}

@ObjectType({ description: "A speaker's part in a session as a release shows it." })
export class ReleasedAppearance {
  @Field() speakerSlug: string;
  @Field() speakerName: string;
  @Field(() => AppearanceRole) role: AppearanceRole;
  @Field(() => String, { nullable: true }) title: string | null;
  @Field(() => String, { nullable: true }) organisation: string | null;
}

/** A session as a release (or the live published programme) shows it; titles resolve per locale. */
@ObjectType({ description: 'A session as one version of the programme shows it.' })
export class ReleasedSession {
  @Field(() => ID, { description: "The live session's id (it may since have been deleted)." }) id: number;
  @Field() uid: string;
  @Field(() => SessionFormat) format: SessionFormat;
  @Field() language: string;
  @Field(() => SessionStatus) status: SessionStatus;
  @Field(() => GraphQLDateTime, { nullable: true }) startsAt: Date | null;
  @Field(() => GraphQLDateTime, { nullable: true }) endsAt: Date | null;
  @Field(() => Int) revision: number;
  @Field(() => ReleasedPlace, { nullable: true }) room: ReleasedPlace | null;
  @Field(() => ReleasedPlace, { nullable: true }) track: ReleasedPlace | null;
  @Field(() => [ReleasedAppearance]) appearances: ReleasedAppearance[];
  @Field(() => GraphQLDateTime) updatedAt: Date;
  /** The stored session, for the localised fields. */
  stored: PublishedSession;
  defaultLocale: string;
}

@ObjectType({ description: 'Where and when a session is, in one version.' })
export class SessionSlot {
  @Field(() => GraphQLDateTime, { nullable: true }) startsAt: Date | null;
  @Field(() => GraphQLDateTime, { nullable: true }) endsAt: Date | null;
  @Field(() => String, { nullable: true, description: "The room's name." }) room: string | null;
}

@ObjectType()
export class SessionMove {
  @Field(() => ReleasedSession) session: ReleasedSession;
  @Field(() => SessionSlot) from: SessionSlot;
  @Field(() => SessionSlot) to: SessionSlot;
}

@ObjectType()
export class SessionRetitle {
  @Field(() => ReleasedSession) session: ReleasedSession;
  @Field({ description: "In the conference's default language." }) from: string;
  @Field() to: string;
}

@ObjectType()
export class LineUpChange {
  @Field(() => ReleasedSession) session: ReleasedSession;
  @Field(() => ReleasedAppearance) speaker: ReleasedAppearance;
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

  @Field(() => [ReleasedSession]) added: ReleasedSession[];
  @Field(() => [ReleasedSession], { description: 'No longer in the programme (deleted or withdrawn); the last version known.' })
  removed: ReleasedSession[];
  @Field(() => [ReleasedSession]) cancelled: ReleasedSession[];
  @Field(() => [SessionMove], { description: 'A new time or room.' }) moved: SessionMove[];
  @Field(() => [SessionRetitle]) retitled: SessionRetitle[];
  @Field(() => [LineUpChange]) speakersAdded: LineUpChange[];
  @Field(() => [LineUpChange]) speakersRemoved: LineUpChange[];

  @Field(() => [ReleasedSession], {
    description: 'Every session that is new or differs in any way: what a copy must update (then delete `removed`).',
  })
  changed: ReleasedSession[];

  @Field(() => [String], { description: 'The changes in words, one line each.' })
  summary: string[];

  /** The summary, line by line, with the session each line is about. */
  lines: { uid: string; text: string }[];
}
