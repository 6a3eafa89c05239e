import { Field, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { GraphQLDateTime } from 'graphql-scalars';
import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { asGlobalId } from '../common/global-id';
import { Node } from '../common/node';
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
registerEnumType(MailStatus, {
  name: 'MailStatus',
  description: 'Where an outgoing mail stands.',
  valuesMap: {
    KEPT: { description: 'No SMTP server is configured (SMTP_URL): kept here to be read, never sent.' },
    PENDING: { description: 'Waiting for its first attempt or for a retry.' },
    SENT: { description: 'The SMTP server accepted it.' },
    FAILED: { description: 'Given up after as many attempts as allowed (MAIL_MAX_ATTEMPTS); `retryMail` tries again.' },
  },
});

/** A text attachment (an `.ics`), stored with its mail. */
export interface StoredAttachment {
  filename: string;
  contentType: string;
  content: string;
}

/** One outgoing mail: the outbox row is also the queue the worker sends from. */
@ObjectType({
  description: 'A mail Lectern sends (or keeps, without SMTP_URL), for the organisers of its conference.',
  implements: () => [Node],
})
@Entity('mail_outbox')
@Index('IDX_mail_outbox_due', ['status', 'nextAttemptAt'])
@Index('IDX_mail_outbox_conference', ['conferenceId', 'id'])
export class OutboxMail {
  @Field(() => ID, { description: "The mail's id, for `retryMail`.", middleware: [asGlobalId] })
  @PrimaryGeneratedColumn()
  id: number;

  @Field({ description: 'What the mail is: invitation, reminder, release-notice…' })
  @Column({ type: 'varchar', length: 64 })
  kind: string;

  @Field({ description: 'The address it is sent to.' })
  @Column({ type: 'varchar', length: 320 })
  to: string;

  @Field({ description: 'The language it is written in (sv, nb, en).' })
  @Column({ type: 'varchar', length: 16 })
  locale: string;

  @Field({ description: 'The subject line.' })
  @Column({ type: 'varchar', length: 500 })
  subject: string;

  @Field({ description: 'The plain-text part.' })
  @Column({ type: 'text' })
  text: string;

  @Field({ description: 'The HTML part.' })
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

  @Field(() => MailStatus, { description: 'Kept, pending, sent or failed.' })
  @Column({ type: 'varchar', length: 16 })
  status: MailStatus;

  @Field(() => Int, { description: 'How many times sending it was tried.' })
  @Column({ type: 'integer', default: 0 })
  attempts: number;

  @Field(() => GraphQLDateTime, { nullable: true, description: 'When it is tried next (UTC); empty once sent, failed or kept.' })
  @InstantColumn({ nullable: true })
  nextAttemptAt: Date | null;

  /** Set while one instance sends it, so no other sends it too. */
  @InstantColumn({ nullable: true })
  claimedAt: Date | null;

  @Field(() => String, { nullable: true, description: 'What the SMTP server (or the connection) answered at the last failed attempt.' })
  @Column({ type: 'varchar', length: 1000, nullable: true })
  lastError: string | null;

  @Column({ type: 'varchar', length: 500, nullable: true })
  messageId: string | null;

  @Field(() => GraphQLDateTime, { nullable: true, description: 'When the SMTP server accepted it (UTC).' })
  @InstantColumn({ nullable: true })
  sentAt: Date | null;

  @Field(() => GraphQLDateTime, { description: 'When it was written (UTC).' })
  @InstantColumn()
  createdAt: Date;

  @InstantColumn()
  updatedAt: Date;
}
