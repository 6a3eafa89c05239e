import { Field, ObjectType } from '@nestjs/graphql';
import { GraphQLDateTime } from 'graphql-scalars';
import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { InstantColumn } from '../database/columns';
import { Room } from './room.entity';

/** A window a room can be used in. A room without windows is available throughout the conference. */
@ObjectType('RoomAvailability', { description: 'A window of time a room can be used in.' })
@Entity('room_availability')
@Index('IDX_room_availability_room', ['roomId', 'startsAt'])
export class RoomAvailability {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'integer' })
  roomId: number;

  @ManyToOne(() => Room, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'roomId', foreignKeyConstraintName: 'FK_room_availability_room' })
  room?: Room;

  @Field(() => GraphQLDateTime, { description: 'UTC instant the window opens.' })
  @InstantColumn()
  startsAt: Date;

  @Field(() => GraphQLDateTime, { description: 'UTC instant the window closes.' })
  @InstantColumn()
  endsAt: Date;
}
