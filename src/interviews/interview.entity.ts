import { asGlobalId } from '../common/global-id';
import { Node } from '../common/node';
import { Field, ID, ObjectType } from '@nestjs/graphql';
import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { GraphQLDateTime } from 'graphql-scalars';
import { InstantColumn, LocalisedColumn } from '../database/columns';
import { LocalisedText } from '../common/localisation';
import { Conference } from '../conferences/conference.entity';
import { Session } from '../sessions/session.entity';

@ObjectType({ description: 'A published Q&A with one or more speakers, about a conference or a session.', implements: () => [Node] })
@Entity('interviews')
export class Interview {
  @Field(() => ID, { description: "The interview's id, for mutations.", middleware: [asGlobalId] })
  @PrimaryGeneratedColumn()
  id: number;

  @Field({ description: 'Unique, e.g. "samtal-med-erik-sandstrom"; names the interview in `interview(slug)`.' })
  @Index('UQ_interviews_slug', { unique: true })
  @Column({ type: 'varchar', length: 120 })
  slug: string;

  @Column({ type: 'integer', nullable: true })
  conferenceId: number | null;

  @ManyToOne(() => Conference, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'conferenceId', foreignKeyConstraintName: 'FK_interviews_conference' })
  conference?: Conference;

  @Column({ type: 'integer', nullable: true })
  sessionId: number | null;

  @ManyToOne(() => Session, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'sessionId', foreignKeyConstraintName: 'FK_interviews_session' })
  session?: Session;

  /** Read through `title(locale)`. */
  @LocalisedColumn()
  title: LocalisedText;

  /** Read through `lead(locale)`. */
  @LocalisedColumn()
  lead: LocalisedText;

  @Field({ description: 'The language the interview was held in (BCP 47).' })
  @Column({ type: 'varchar', length: 35 })
  language: string;

  @Field(() => String, { nullable: true, description: 'Who wrote it up or asked the questions.' })
  @Column({ type: 'varchar', length: 200, nullable: true })
  author: string | null;

  @Field(() => String, { nullable: true, description: 'The day it was first published (YYYY-MM-DD).' })
  @Column({ type: 'date', nullable: true })
  publishedOn: string | null;

  @Field(() => String, { nullable: true, description: 'Where the interview was first published.' })
  @Column({ type: 'varchar', length: 2000, nullable: true })
  sourceUrl: string | null;

  @Field({ description: 'Whether the public sees the interview.' })
  @Column({ type: 'boolean' })
  published: boolean;

  @Field(() => GraphQLDateTime, { description: 'When it was created (UTC).' })
  @InstantColumn()
  createdAt: Date;

  @Field(() => GraphQLDateTime, { description: 'When it last changed (UTC).' })
  @InstantColumn()
  updatedAt: Date;
}
