import { asGlobalId } from '../common/global-id';
import { Node } from '../common/node';
import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { LocalisedColumn } from '../database/columns';
import { LocalisedText } from '../common/localisation';
import { Speaker } from '../speakers/speaker.entity';
import { Interview } from './interview.entity';

@ObjectType({ description: 'One question of an interview and one answer to it.', implements: () => [Node] })
@Entity('interview_items')
@Index('UQ_interview_items_position', ['interviewId', 'position'], { unique: true })
export class InterviewItem {
  @Field(() => ID, { description: "The item's id, to keep and change it in `updateInterview`.", middleware: [asGlobalId] })
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'integer' })
  interviewId: number;

  @ManyToOne(() => Interview, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'interviewId', foreignKeyConstraintName: 'FK_interview_items_interview' })
  interview?: Interview;

  @Field(() => Int, { description: 'Order within the interview, from 0.' })
  @Column({ type: 'integer' })
  position: number;

  /** Read through `question(locale)`. */
  @LocalisedColumn()
  question: LocalisedText;

  @Field(() => String, { nullable: true, description: 'Who asked, when not the interviewer, e.g. an audience member.' })
  @Column({ type: 'varchar', length: 200, nullable: true })
  askedBy: string | null;

  /** Read through `answer(locale)`. */
  @LocalisedColumn()
  answer: LocalisedText;

  @Column({ type: 'integer', nullable: true })
  answeredById: number | null;

  @ManyToOne(() => Speaker, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'answeredById', foreignKeyConstraintName: 'FK_interview_items_speaker' })
  answeredBy?: Speaker;
}
