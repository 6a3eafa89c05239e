import { Field, ID, ObjectType, registerEnumType } from '@nestjs/graphql';
import { GraphQLDateTime } from 'graphql-scalars';
import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { asGlobalId } from '../../common/global-id';
import { LocalisedText } from '../../common/localisation';
import { Node } from '../../common/node';
import { Conference } from '../../conferences/conference.entity';
import { InstantColumn, LocalisedColumn } from '../../database/columns';
import { Interview } from '../../interviews/interview.entity';
import { Session } from '../../sessions/session.entity';

export enum QuestionnaireStatus {
  /** Being answered: speakers may be assigned, answer, submit. */
  OPEN = 'OPEN',
  /** Published as an interview; the answers are the interview's now. */
  PUBLISHED = 'PUBLISHED',
}
registerEnumType(QuestionnaireStatus, {
  name: 'QuestionnaireStatus',
  description: 'Whether a questionnaire is still being answered or was published as an interview.',
  valuesMap: {
    OPEN: { description: 'Being answered: speakers may be assigned, answer and submit.' },
    PUBLISHED: { description: 'Published as an interview (`interview`); answers no longer change here.' },
  },
});

/** One question, by a key that stays when the questions are reordered or reworded. */
export interface StoredQuestion {
  key: string;
  text: LocalisedText;
}

@ObjectType({
  description:
    'Questions an organiser sends to speakers of a conference (e.g. "Fem frågor till {name}"); the answers, approved, are published as an interview.',
  implements: () => [Node],
})
@Entity('questionnaires')
@Index('IDX_questionnaires_conference', ['conferenceId', 'id'])
export class Questionnaire {
  @Field(() => ID, { description: "The questionnaire's id.", middleware: [asGlobalId] })
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'integer' })
  conferenceId: number;

  @ManyToOne(() => Conference, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'conferenceId', foreignKeyConstraintName: 'FK_questionnaires_conference' })
  conference?: Conference;

  @Column({ type: 'integer', nullable: true })
  sessionId: number | null;

  @ManyToOne(() => Session, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'sessionId', foreignKeyConstraintName: 'FK_questionnaires_session' })
  session?: Session;

  /** The interview's title per locale, `{name}` standing for the speakers' names. */
  @LocalisedColumn()
  titlePattern: LocalisedText;

  @LocalisedColumn()
  lead: LocalisedText;

  /** The languages speakers are asked to answer in, the interview's own language first. */
  @Column({ type: 'simple-json' })
  locales: string[];

  @Column({ type: 'simple-json' })
  questions: StoredQuestion[];

  @Field(() => GraphQLDateTime, { nullable: true, description: 'When the answers are due (UTC); reminders go out before it.' })
  @Index('IDX_questionnaires_due')
  @InstantColumn({ nullable: true })
  dueAt: Date | null;

  @Field(() => QuestionnaireStatus, { description: 'Whether it is still being answered or was published as an interview.' })
  @Column({ type: 'varchar', length: 16 })
  status: QuestionnaireStatus;

  @Column({ type: 'integer', nullable: true })
  interviewId: number | null;

  @ManyToOne(() => Interview, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'interviewId', foreignKeyConstraintName: 'FK_questionnaires_interview' })
  interview?: Interview;

  @Field(() => GraphQLDateTime, { description: 'When it was created (UTC).' })
  @InstantColumn()
  createdAt: Date;

  @Field(() => GraphQLDateTime, { description: 'When it last changed (UTC).' })
  @InstantColumn()
  updatedAt: Date;
}
