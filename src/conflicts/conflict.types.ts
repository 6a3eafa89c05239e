import { Field, ObjectType, registerEnumType } from '@nestjs/graphql';

export enum ConflictCode {
  SPEAKER_DOUBLE_BOOKED = 'SPEAKER_DOUBLE_BOOKED',
  ROOM_DOUBLE_BOOKED = 'ROOM_DOUBLE_BOOKED',
  OUTSIDE_CONFERENCE_DAYS = 'OUTSIDE_CONFERENCE_DAYS',
  OUTSIDE_ROOM_AVAILABILITY = 'OUTSIDE_ROOM_AVAILABILITY',
  MISSING_SPEAKER = 'MISSING_SPEAKER',
  PANEL_TOO_SMALL = 'PANEL_TOO_SMALL',
  PANEL_WITHOUT_MODERATOR = 'PANEL_WITHOUT_MODERATOR',
  SPEAKER_WITHOUT_BIO = 'SPEAKER_WITHOUT_BIO',
  UNPUBLISHED_ROOM = 'UNPUBLISHED_ROOM',
  UNPUBLISHED_TRACK = 'UNPUBLISHED_TRACK',
}
registerEnumType(ConflictCode, { name: 'ConflictCode' });

export enum ConflictSeverity {
  /** Blocks releasing the schedule while it touches a published session. */
  ERROR = 'ERROR',
  WARNING = 'WARNING',
}
registerEnumType(ConflictSeverity, { name: 'ConflictSeverity', description: 'ERROR blocks a schedule release; WARNING does not.' });

export const SEVERITY: Record<ConflictCode, ConflictSeverity> = {
  SPEAKER_DOUBLE_BOOKED: ConflictSeverity.ERROR,
  ROOM_DOUBLE_BOOKED: ConflictSeverity.ERROR,
  OUTSIDE_CONFERENCE_DAYS: ConflictSeverity.ERROR,
  OUTSIDE_ROOM_AVAILABILITY: ConflictSeverity.ERROR,
  MISSING_SPEAKER: ConflictSeverity.ERROR,
  PANEL_TOO_SMALL: ConflictSeverity.WARNING,
  PANEL_WITHOUT_MODERATOR: ConflictSeverity.WARNING,
  SPEAKER_WITHOUT_BIO: ConflictSeverity.WARNING,
  UNPUBLISHED_ROOM: ConflictSeverity.ERROR,
  UNPUBLISHED_TRACK: ConflictSeverity.ERROR,
};

@ObjectType({ description: 'A problem in a programme: what, how bad, and what it involves.' })
export class Conflict {
  @Field({ description: 'Stable while the problem lasts: the code and the ids involved.' })
  key: string;

  @Field(() => ConflictCode)
  code: ConflictCode;

  @Field(() => ConflictSeverity)
  severity: ConflictSeverity;

  @Field({ description: 'The problem in plain words.' })
  message: string;

  @Field({ description: 'Whether it stops the next schedule release (an ERROR touching a published session).' })
  blocksRelease: boolean;

  /** Involved sessions the reader may see; the sessions field resolves them. */
  sessionIds: number[];
  speakerIds: number[];
  roomId: number | null;
  trackId: number | null;
}
