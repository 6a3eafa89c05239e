import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { Conference } from '../conferences/conference.entity';
import { InstantColumn } from '../database/columns';
import { Speaker } from '../speakers/speaker.entity';

export enum MailStatus {
  /** No SMTP server is configured: kept for organisers to read, never sent. */
  KEPT = 'KEPT',
  /** Waiting for its first attempt or for a retry at `nextAttemptAt`. */
  PENDING = 'PENDING',
  SENT = 'SENT',
  /** Given up after as many attempts as allowed. */
  FAILED = 'FAILED',
}

/** A text attachment (an `.ics`), stored with its mail. */
export interface StoredAttachment {
  filename: string;
  contentType: string;
  content: string;
}

/** One outgoing mail: the outbox row is also the queue the worker sends from. */
@Entity('mail_outbox')
@Index('IDX_mail_outbox_due', ['status', 'nextAttemptAt'])
@Index('IDX_mail_outbox_conference', ['conferenceId', 'id'])
export class OutboxMail {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'varchar', length: 64 })
  kind: string;

  @Column({ type: 'varchar', length: 320 })
  to: string;

  @Column({ type: 'varchar', length: 16 })
  locale: string;

  @Column({ type: 'varchar', length: 500 })
  subject: string;

  @Column({ type: 'text' })
  text: string;

  @Column({ type: 'text' })
  html: string;

  @Column({ type: 'simple-json' })
  attachments: StoredAttachment[];

  @Column({ type: 'integer', nullable: true })
  conferenceId: number | null;

  @ManyToOne(() => Conference, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'conferenceId', foreignKeyConstraintName: 'FK_mail_outbox_conference' })
  conference?: Conference;

  @Column({ type: 'integer', nullable: true })
  speakerId: number | null;

  @ManyToOne(() => Speaker, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'speakerId', foreignKeyConstraintName: 'FK_mail_outbox_speaker' })
  speaker?: Speaker;

  @Column({ type: 'varchar', length: 16 })
  status: MailStatus;

  @Column({ type: 'integer', default: 0 })
  attempts: number;

  @InstantColumn({ nullable: true })
  nextAttemptAt: Date | null;

  /** Set while one instance sends it, so no other sends it too. */
  @InstantColumn({ nullable: true })
  claimedAt: Date | null;

  @Column({ type: 'varchar', length: 1000, nullable: true })
  lastError: string | null;

  @Column({ type: 'varchar', length: 500, nullable: true })
  messageId: string | null;

  @InstantColumn({ nullable: true })
  sentAt: Date | null;

  @InstantColumn()
  createdAt: Date;

  @InstantColumn()
  updatedAt: Date;
}
