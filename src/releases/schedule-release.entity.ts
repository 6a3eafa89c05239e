import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { asGlobalId } from '../common/global-id';
import { Node } from '../common/node';
import { GraphQLDateTime } from 'graphql-scalars';
import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { Conference } from '../conferences/conference.entity';
import { InstantColumn } from '../database/columns';

@ObjectType({
  description: "A named, numbered version of a conference's published programme, frozen when it was released.",
  implements: () => [Node],
})
@Entity('schedule_releases')
@Index('UQ_schedule_releases_conference_version', ['conferenceId', 'version'], { unique: true })
export class ScheduleRelease {
  @Field(() => ID, { description: "The release's global id.", middleware: [asGlobalId] })
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'integer' })
  conferenceId: number;

  @ManyToOne(() => Conference, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'conferenceId', foreignKeyConstraintName: 'FK_schedule_releases_conference' })
  conference?: Conference;

  @Field(() => Int, { description: '1, 2, 3… within the conference.' })
  @Column({ type: 'integer' })
  version: number;

  @Field({ description: 'E.g. "v3 — keynote moved".' })
  @Column({ type: 'varchar', length: 200 })
  name: string;

  @Field(() => String, { nullable: true, description: 'A longer word on what changed, for readers.' })
  @Column({ type: 'text', nullable: true })
  note: string | null;

  @Field(() => GraphQLDateTime, { description: 'When it was released (UTC).' })
  @InstantColumn()
  releasedAt: Date;

  @Column({ type: 'integer', nullable: true })
  releasedById: number | null;

  @Column({ type: 'varchar', length: 200, nullable: true })
  releasedByName: string | null;

  /** The published programme as it was: a PublishedProgramme as JSON, read only when needed. */
  @Column({ type: 'text', select: false })
  programme: string;
}
