import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { Speaker } from '../speakers/speaker.entity';
import { Interview } from './interview.entity';

/** Who an interview is with, in the order they are presented. */
@Entity('interview_speakers')
export class InterviewSpeaker {
  @PrimaryColumn({ type: 'integer' })
  interviewId: number;

  @ManyToOne(() => Interview, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'interviewId', foreignKeyConstraintName: 'FK_interview_speakers_interview' })
  interview?: Interview;

  @Index('IDX_interview_speakers_speaker')
  @PrimaryColumn({ type: 'integer' })
  speakerId: number;

  @ManyToOne(() => Speaker, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'speakerId', foreignKeyConstraintName: 'FK_interview_speakers_speaker' })
  speaker?: Speaker;

  @Column({ type: 'integer' })
  position: number;
}
