import { asGlobalId } from '../common/global-id';
import { Node } from '../common/node';
import { Field, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { Speaker } from '../speakers/speaker.entity';
import { Session } from './session.entity';

export enum AppearanceRole {
  SPEAKER = 'SPEAKER',
  PANELIST = 'PANELIST',
  MODERATOR = 'MODERATOR',
  HOST = 'HOST',
  INTERVIEWEE = 'INTERVIEWEE',
}
registerEnumType(AppearanceRole, {
  name: 'AppearanceRole',
  description: "A speaker's part in a session.",
  valuesMap: {
    SPEAKER: { description: 'Gives the talk or keynote.' },
    PANELIST: { description: 'Sits on the panel.' },
    MODERATOR: { description: 'Leads the panel.' },
    HOST: { description: 'Asks the questions in an interview.' },
    INTERVIEWEE: { description: 'Answers them.' },
  },
});

@ObjectType({ description: "A speaker's part in one session, with the title and organisation they had then.", implements: () => [Node] })
@Entity('appearances')
@Index('UQ_appearances_session_speaker', ['sessionId', 'speakerId'], { unique: true })
export class Appearance {
  @Field(() => ID, { description: "The appearance's id, for moving, changing or removing it.", middleware: [asGlobalId] })
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'integer' })
  sessionId: number;

  @ManyToOne(() => Session, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'sessionId', foreignKeyConstraintName: 'FK_appearances_session' })
  session?: Session;

  @Index('IDX_appearances_speaker')
  @Column({ type: 'integer' })
  speakerId: number;

  @ManyToOne(() => Speaker, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'speakerId', foreignKeyConstraintName: 'FK_appearances_speaker' })
  speaker?: Speaker;

  @Field(() => AppearanceRole, { description: 'Their part in the session.' })
  @Column({ type: 'varchar', length: 16 })
  role: AppearanceRole;

  @Field(() => Int, { description: 'Where the speaker is listed in the session, from 0.' })
  @Column({ type: 'integer' })
  position: number;

  @Field(() => String, { nullable: true, description: 'Job title at the time, e.g. "kommundirektör".' })
  @Column({ type: 'varchar', length: 200, nullable: true })
  title: string | null;

  @Field(() => String, { nullable: true, description: 'Organisation at the time, e.g. "Karlskrona kommun".' })
  @Column({ type: 'varchar', length: 200, nullable: true })
  organisation: string | null;
}
