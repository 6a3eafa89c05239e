import { asGlobalId } from '../common/global-id';
import { Node } from '../common/node';
import { Field, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { GraphQLDateTime } from 'graphql-scalars';
import { InstantColumn, LocalisedColumn } from '../database/columns';
import { LocalisedText } from '../common/localisation';
import { Conference } from '../conferences/conference.entity';
import { Room } from '../conferences/room.entity';
import { Track } from '../conferences/track.entity';

export enum SessionFormat {
  KEYNOTE = 'KEYNOTE',
  TALK = 'TALK',
  PANEL = 'PANEL',
  INTERVIEW = 'INTERVIEW',
  WORKSHOP = 'WORKSHOP',
  HACKATHON = 'HACKATHON',
  BREAK = 'BREAK',
  OTHER = 'OTHER',
}
registerEnumType(SessionFormat, {
  name: 'SessionFormat',
  description: 'What kind of session it is.',
  valuesMap: {
    KEYNOTE: { description: 'A keynote talk.' },
    TALK: { description: 'A talk by one or more speakers.' },
    PANEL: { description: 'A panel discussion: a moderator and at least two panelists.' },
    INTERVIEW: { description: 'An interview on stage: a host and interviewees.' },
    WORKSHOP: { description: 'A hands-on workshop.' },
    HACKATHON: { description: 'A hackathon or other long working session.' },
    BREAK: { description: 'A break, lunch or other pause without speakers.' },
    OTHER: { description: 'Anything else, e.g. a reception.' },
  },
});

export enum SessionStatus {
  TENTATIVE = 'TENTATIVE',
  CONFIRMED = 'CONFIRMED',
  CANCELLED = 'CANCELLED',
}
registerEnumType(SessionStatus, {
  name: 'SessionStatus',
  description: 'Whether a session is going ahead.',
  valuesMap: {
    TENTATIVE: { description: 'Planned, not confirmed yet.' },
    CONFIRMED: { description: 'Going ahead as planned.' },
    CANCELLED: { description: 'Called off; it stays in the programme and its feeds, marked cancelled.' },
  },
});

@ObjectType({ description: 'A talk, panel, interview, workshop, hackathon or break in a conference programme.', implements: () => [Node] })
@Entity('sessions')
@Index('IDX_sessions_conference_starts', ['conferenceId', 'startsAt'])
export class Session {
  @Field(() => ID, { description: "The session's id, for `session(id)` and mutations.", middleware: [asGlobalId] })
  @PrimaryGeneratedColumn()
  id: number;

  @Field({ description: 'Stable identifier across edits and restarts (calendar UID).' })
  @Index('UQ_sessions_uid', { unique: true })
  @Column({ type: 'varchar', length: 36 })
  uid: string;

  @Column({ type: 'integer' })
  conferenceId: number;

  @ManyToOne(() => Conference, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'conferenceId', foreignKeyConstraintName: 'FK_sessions_conference' })
  conference?: Conference;

  /** Read through `title(locale)`. */
  @LocalisedColumn()
  title: LocalisedText;

  /** Read through `abstract(locale)`. */
  @LocalisedColumn()
  abstract: LocalisedText;

  @Field(() => SessionFormat, { description: 'What kind of session it is.' })
  @Column({ type: 'varchar', length: 16 })
  format: SessionFormat;

  @Field({ description: 'The language the session is held in (BCP 47).' })
  @Column({ type: 'varchar', length: 35 })
  language: string;

  @Column({ type: 'integer', nullable: true })
  roomId: number | null;

  @ManyToOne(() => Room, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'roomId', foreignKeyConstraintName: 'FK_sessions_room' })
  room?: Room;

  @Column({ type: 'integer', nullable: true })
  trackId: number | null;

  @ManyToOne(() => Track, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'trackId', foreignKeyConstraintName: 'FK_sessions_track' })
  track?: Track;

  @Field(() => GraphQLDateTime, { nullable: true, description: 'UTC instant; empty while unscheduled.' })
  @InstantColumn({ nullable: true })
  startsAt: Date | null;

  @Field(() => GraphQLDateTime, { nullable: true, description: 'UTC instant; empty while unscheduled.' })
  @InstantColumn({ nullable: true })
  endsAt: Date | null;

  @Field(() => SessionStatus, { description: 'Tentative, confirmed or cancelled.' })
  @Column({ type: 'varchar', length: 16, default: SessionStatus.CONFIRMED })
  status: SessionStatus;

  @Field({ description: 'Whether the public sees the session (within a published conference).' })
  @Column({ type: 'boolean' })
  published: boolean;

  @Field(() => String, { nullable: true, description: 'A note for readers, e.g. that a time is not confirmed yet.' })
  @Column({ type: 'text', nullable: true })
  notes: string | null;

  @Field(() => String, { nullable: true, description: 'Where the recording is, once published.' })
  @Column({ type: 'varchar', length: 2000, nullable: true })
  recordingUrl: string | null;

  @Field(() => String, { nullable: true, description: 'Where the slides are, once shared.' })
  @Column({ type: 'varchar', length: 2000, nullable: true })
  slidesUrl: string | null;

  @Field(() => String, { nullable: true, description: 'Where the session streams live, if it does.' })
  @Column({ type: 'varchar', length: 2000, nullable: true })
  streamUrl: string | null;

  @Field(() => Int, { description: 'Goes up on every change a calendar would show (iCal SEQUENCE).' })
  @Column({ type: 'integer', default: 0 })
  revision: number;

  /** Lower-case, accent-free title and abstract in every locale, fed by the service for text search. */
  @Column({ type: 'text', default: '' })
  searchText: string;

  @Field(() => GraphQLDateTime, { description: 'When the session was created (UTC).' })
  @InstantColumn()
  createdAt: Date;

  @Field(() => GraphQLDateTime, { description: 'When the session last changed (UTC).' })
  @InstantColumn()
  updatedAt: Date;
}
