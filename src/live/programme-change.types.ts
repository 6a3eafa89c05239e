import { Field, ID, ObjectType, registerEnumType } from '@nestjs/graphql';
import { GraphQLDateTime } from 'graphql-scalars';
import { ProgrammeChangeKind } from '../events/programme-events';

const KINDS: { [Kind in ProgrammeChangeKind]: Kind } = {
  SESSION_CREATED: 'SESSION_CREATED',
  SESSION_UPDATED: 'SESSION_UPDATED',
  SESSION_MOVED: 'SESSION_MOVED',
  SESSION_RETITLED: 'SESSION_RETITLED',
  SESSION_CANCELLED: 'SESSION_CANCELLED',
  SESSION_DELETED: 'SESSION_DELETED',
  SPEAKER_CHANGED: 'SPEAKER_CHANGED',
  CONFERENCE_CHANGED: 'CONFERENCE_CHANGED',
  RELEASE_PUBLISHED: 'RELEASE_PUBLISHED',
};
registerEnumType(KINDS, {
  name: 'ProgrammeChangeKind',
  description: 'What changed. SESSION_UPDATED also covers a session published or withdrawn, and a change of its speakers.',
  valuesMap: {
    SESSION_CREATED: { description: 'A session was added.' },
    SESSION_UPDATED: { description: 'A session changed otherwise: its texts, status, publication or speakers.' },
    SESSION_MOVED: { description: 'A session got another time or room.' },
    SESSION_RETITLED: { description: 'A session got another title.' },
    SESSION_CANCELLED: { description: 'A session was cancelled.' },
    SESSION_DELETED: { description: 'A session was deleted.' },
    SPEAKER_CHANGED: { description: 'A speaker of the programme changed their profile.' },
    CONFERENCE_CHANGED: { description: "The conference's details, rooms or tracks changed." },
    RELEASE_PUBLISHED: { description: 'A schedule release was published.' },
  },
});

/**
 * A committed change as it travels between instances (through Redis when REDIS_URL is set):
 * plain values only, and what each subscriber may be told is decided from it without a query.
 */
export interface LiveChange {
  kind: ProgrammeChangeKind;
  conferenceId: number;
  sessionId: number | null;
  /** ISO 8601. */
  at: string;
  /** Whether readers without a token may hear of it: the conference is published, and so is the session, unless it has just gone. */
  public: boolean;
}

@ObjectType({
  description:
    'A change to a published programme, told once it is committed. Fields show the programme as it is when the change is delivered; subscribe again after a reconnect and re-read what you show, as changes made while disconnected are not replayed.',
})
export class ProgrammeChange {
  @Field(() => KINDS, { description: 'What changed.' })
  kind: ProgrammeChangeKind;

  @Field(() => ID, {
    nullable: true,
    description: 'The session changed (its global id), also when it is gone (deleted or withdrawn from the public).',
  })
  sessionId: string | null;

  sessionRowId: number | null;

  @Field(() => GraphQLDateTime, { description: 'When the change was made (UTC).' })
  at: Date;

  conferenceId: number;
}

export const liveTopics = {
  programme: (prefix: string, conferenceId: number) => `${prefix}:programme:${conferenceId}`,
  session: (prefix: string, sessionId: number) => `${prefix}:session:${sessionId}`,
};
