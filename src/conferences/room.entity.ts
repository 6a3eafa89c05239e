import { asGlobalId } from '../common/global-id';
import { Node } from '../common/node';
import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { Conference } from './conference.entity';

@ObjectType({ description: 'A place sessions happen in; an online room has a stream URL.', implements: () => [Node] })
@Entity('rooms')
@Index('UQ_rooms_conference_slug', ['conferenceId', 'slug'], { unique: true })
export class Room {
  @Field(() => ID, { description: "The room's id, for mutations and session inputs.", middleware: [asGlobalId] })
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'integer' })
  conferenceId: number;

  @ManyToOne(() => Conference, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'conferenceId', foreignKeyConstraintName: 'FK_rooms_conference' })
  conference?: Conference;

  @Field({ description: 'Unique within the conference.' })
  @Column({ type: 'varchar', length: 80 })
  slug: string;

  @Field({ description: 'E.g. "Sal A".' })
  @Column({ type: 'varchar', length: 200 })
  name: string;

  @Field(() => Int, { nullable: true, description: 'How many people it seats, when known.' })
  @Column({ type: 'integer', nullable: true })
  capacity: number | null;

  @Field(() => String, { nullable: true, description: 'Where an online room streams; set for online rooms only.' })
  @Column({ type: 'varchar', length: 2000, nullable: true })
  streamUrl: string | null;

  @Field({ description: 'Whether it is an online room (it has a stream URL).' })
  get online(): boolean {
    return this.streamUrl !== null;
  }

  @Field({ description: 'Whether the public sees it; a published session in an unpublished one is a conflict.' })
  @Column({ type: 'boolean', default: true })
  published: boolean;

  @Field(() => Int, { description: "Where the room sorts among its conference's rooms." })
  @Column({ type: 'integer', default: 0 })
  position: number;
}
