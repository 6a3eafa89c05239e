import { Field, ID, ObjectType } from '@nestjs/graphql';
import { GraphQLDateTime } from 'graphql-scalars';
import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { asGlobalId } from '../../common/global-id';
import { Node } from '../../common/node';
import { InstantColumn } from '../../database/columns';
import { Speaker } from '../../speakers/speaker.entity';

/**
 * A time a speaker cannot speak. Conflict detection reads this table by name (src/conflicts/),
 * so a session scheduled in it shows as a conflict at every conference the speaker is in.
 */
@ObjectType('SpeakerUnavailability', { description: 'A time a speaker cannot speak, as they marked it.', implements: () => [Node] })
@Entity('speaker_unavailability')
export class SpeakerUnavailability {
  @Field(() => ID, { description: "The period's id, for removing it.", middleware: [asGlobalId] })
  @PrimaryGeneratedColumn()
  id: number;

  @Index('IDX_speaker_unavailability_speaker')
  @Column({ type: 'integer' })
  speakerId: number;

  @ManyToOne(() => Speaker, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'speakerId', foreignKeyConstraintName: 'FK_speaker_unavailability_speaker' })
  speaker?: Speaker;

  @Field(() => GraphQLDateTime, { description: 'From when (UTC).' })
  @InstantColumn()
  startsAt: Date;

  @Field(() => GraphQLDateTime, { description: 'Until when (UTC), after `startsAt`.' })
  @InstantColumn()
  endsAt: Date;

  @Field(() => String, { nullable: true, description: 'Why, in the speaker\'s words, e.g. "Travelling"; organisers see it.' })
  @Column({ type: 'varchar', length: 500, nullable: true })
  note: string | null;

  @Field(() => GraphQLDateTime, { description: 'When it was marked (UTC).' })
  @InstantColumn()
  createdAt: Date;
}
