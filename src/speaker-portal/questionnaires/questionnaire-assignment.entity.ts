import { Field, ID, ObjectType, registerEnumType } from '@nestjs/graphql';
import { GraphQLDateTime } from 'graphql-scalars';
import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { asGlobalId } from '../../common/global-id';
import { LocalisedText } from '../../common/localisation';
import { Node } from '../../common/node';
import { InstantColumn } from '../../database/columns';
import { Speaker } from '../../speakers/speaker.entity';
import { Questionnaire } from './questionnaire.entity';

export enum AssignmentStatus {
  DRAFT = 'DRAFT',
  SUBMITTED = 'SUBMITTED',
  RETURNED = 'RETURNED',
  APPROVED = 'APPROVED',
}
registerEnumType(AssignmentStatus, {
  name: 'QuestionnaireAssignmentStatus',
  description: "Where a speaker's answers stand.",
  valuesMap: {
    DRAFT: { description: 'The speaker is answering: drafts are saved, nothing is sent yet.' },
    SUBMITTED: { description: 'Sent to the organisers; the speaker can no longer change them.' },
    RETURNED: { description: 'Sent back to the speaker with a note: they may change and submit them again.' },
    APPROVED: { description: 'Approved by the organisers, ready to publish.' },
  },
});

/** A speaker's answers by question key, each in one or more languages (Markdown). */
export type StoredAnswers = Record<string, LocalisedText>;

@ObjectType({
  description: 'One speaker asked one questionnaire: the questions they answer, their answers and where those stand.',
  implements: () => [Node],
})
@Entity('questionnaire_assignments')
@Index('UQ_questionnaire_assignments_speaker', ['questionnaireId', 'speakerId'], { unique: true })
export class QuestionnaireAssignment {
  @Field(() => ID, { description: "The assignment's id: what the speaker's answers are saved and submitted by.", middleware: [asGlobalId] })
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'integer' })
  questionnaireId: number;

  @ManyToOne(() => Questionnaire, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'questionnaireId', foreignKeyConstraintName: 'FK_questionnaire_assignments_questionnaire' })
  questionnaire?: Questionnaire;

  @Index('IDX_questionnaire_assignments_speaker')
  @Column({ type: 'integer' })
  speakerId: number;

  @ManyToOne(() => Speaker, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'speakerId', foreignKeyConstraintName: 'FK_questionnaire_assignments_speaker' })
  speaker?: Speaker;

  /** The keys of the questions this speaker answers; null: every question (a panel gives each their own). */
  @Column({ type: 'simple-json', nullable: true })
  questionKeys: string[] | null;

  @Column({ type: 'simple-json' })
  answers: StoredAnswers;

  @Field(() => AssignmentStatus, { description: "Where the speaker's answers stand." })
  @Column({ type: 'varchar', length: 16 })
  status: AssignmentStatus;

  @Field(() => String, { nullable: true, description: "The organisers' note when they returned the answers." })
  @Column({ type: 'varchar', length: 2000, nullable: true })
  note: string | null;

  @Field(() => GraphQLDateTime, { nullable: true, description: 'When the speaker last submitted (UTC).' })
  @InstantColumn({ nullable: true })
  submittedAt: Date | null;

  @Field(() => GraphQLDateTime, { nullable: true, description: 'When the speaker was reminded of the due date (UTC).' })
  @InstantColumn({ nullable: true })
  remindedAt: Date | null;

  @Field(() => GraphQLDateTime, { description: 'When it was assigned (UTC).' })
  @InstantColumn()
  createdAt: Date;

  @Field(() => GraphQLDateTime, { description: 'When it last changed (UTC).' })
  @InstantColumn()
  updatedAt: Date;
}
