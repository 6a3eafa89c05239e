import { Field, ObjectType, registerEnumType } from '@nestjs/graphql';

export enum ConflictCode {
  SPEAKER_DOUBLE_BOOKED = 'SPEAKER_DOUBLE_BOOKED',
  SPEAKER_UNAVAILABLE = 'SPEAKER_UNAVAILABLE',
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
registerEnumType(ConflictCode, {
  name: 'ConflictCode',
  description: 'What kind of problem a conflict is; its severity follows from it.',
  valuesMap: {
    SPEAKER_DOUBLE_BOOKED: { description: 'A speaker is in two sessions at overlapping times, at this conference or another (ERROR).' },
    SPEAKER_UNAVAILABLE: { description: 'A session is at a time one of its speakers marked they cannot speak (ERROR).' },
    ROOM_DOUBLE_BOOKED: { description: 'Two sessions overlap in one room (ERROR).' },
    OUTSIDE_CONFERENCE_DAYS: { description: "A session's time falls outside the conference's days, in its time zone (ERROR)." },
    OUTSIDE_ROOM_AVAILABILITY: { description: 'A session is outside the windows its room can be used in (ERROR).' },
    MISSING_SPEAKER: { description: 'A talk or keynote has no speaker (ERROR).' },
    PANEL_TOO_SMALL: { description: 'A panel has fewer than two panellists besides its moderators (WARNING).' },
    PANEL_WITHOUT_MODERATOR: { description: 'A panel has no moderator (WARNING).' },
    SPEAKER_WITHOUT_BIO: { description: "A speaker in the programme has no bio in the conference's default language (WARNING)." },
    UNPUBLISHED_ROOM: { description: 'A published session is in an unpublished room (ERROR).' },
    UNPUBLISHED_TRACK: { description: 'A published session is in an unpublished track (ERROR).' },
  },
});

export enum ConflictSeverity {
  /** Blocks releasing the schedule while it touches a published session. */
  ERROR = 'ERROR',
  WARNING = 'WARNING',
}
registerEnumType(ConflictSeverity, {
  name: 'ConflictSeverity',
  description: 'ERROR blocks a schedule release; WARNING does not.',
  valuesMap: {
    ERROR: { description: 'Blocks releasing the schedule while it touches a published session.' },
    WARNING: { description: 'Worth a look; blocks nothing.' },
  },
});

export const SEVERITY: Record<ConflictCode, ConflictSeverity> = {
  SPEAKER_DOUBLE_BOOKED: ConflictSeverity.ERROR,
  SPEAKER_UNAVAILABLE: ConflictSeverity.ERROR,
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

  @Field(() => ConflictCode, { description: 'What kind of problem it is.' })
  code: ConflictCode;

  @Field(() => ConflictSeverity, { description: 'How bad it is: ERROR or WARNING.' })
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
