import { asGlobalId } from '../common/global-id';
import { Node } from '../common/node';
import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { Conference } from './conference.entity';

@ObjectType({ description: 'A theme that groups sessions of one conference.', implements: () => [Node] })
@Entity('tracks')
@Index('UQ_tracks_conference_slug', ['conferenceId', 'slug'], { unique: true })
export class Track {
  @Field(() => ID, { description: "The track's id, for mutations and session inputs.", middleware: [asGlobalId] })
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'integer' })
  conferenceId: number;

  @ManyToOne(() => Conference, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'conferenceId', foreignKeyConstraintName: 'FK_tracks_conference' })
  conference?: Conference;

  @Field({ description: 'Unique within the conference.' })
  @Column({ type: 'varchar', length: 80 })
  slug: string;

  @Field({ description: 'E.g. "Digital strategy".' })
  @Column({ type: 'varchar', length: 200 })
  name: string;

  @Field(() => String, { nullable: true, description: 'A colour for programme grids, as #rrggbb.' })
  @Column({ type: 'varchar', length: 7, nullable: true })
  color: string | null;

  @Field({ description: 'Whether the public sees it; a published session in an unpublished one is a conflict.' })
  @Column({ type: 'boolean', default: true })
  published: boolean;

  @Field(() => Int, { description: "Where the track sorts among its conference's tracks." })
  @Column({ type: 'integer', default: 0 })
  position: number;
}
