import { Inject, Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { stamped } from '../common/entities';
import { APP_CONFIG, AppConfig } from '../config/configuration';
import { MailStatus, OutboxMail } from './mail.entity';
import { MailWorker } from './mail-worker';

export interface MailAttachment {
  filename: string;
  contentType: string;
  /** Text, e.g. an `.ics`. */
  content: string;
}

export interface OutgoingMail {
  /** What the mail is, for organisers reading the outbox: 'invitation', 'reminder', 'release-notice'… */
  kind: string;
  to: string;
  locale: string;
  subject: string;
  text: string;
  html: string;
  conferenceId?: number | null;
  speakerId?: number | null;
  attachments?: MailAttachment[];
}

/**
 * Where every outgoing mail is written. The row is written in the caller's transaction, so a mail
 * about a change exists exactly when the change does; the worker sends it after the commit.
 */
@Injectable()
export class MailOutbox {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly worker: MailWorker,
  ) {}

  /** Writes the mail in the caller's transaction; nothing is sent unless that commits. */
  async enqueue(manager: EntityManager, mail: OutgoingMail): Promise<void> {
    const now = new Date();
    const sending = Boolean(this.config.smtpUrl);
    await manager.save(
      stamped(
        manager.create(OutboxMail, {
          kind: mail.kind,
          to: mail.to,
          locale: mail.locale,
          subject: mail.subject,
          text: mail.text,
          html: mail.html,
          attachments: (mail.attachments ?? []).map(({ filename, contentType, content }) => ({ filename, contentType, content })),
          conferenceId: mail.conferenceId ?? null,
          speakerId: mail.speakerId ?? null,
          status: sending ? MailStatus.PENDING : MailStatus.KEPT,
          attempts: 0,
          // A kept mail is due too: the worker logs it once, after the commit.
          nextAttemptAt: now,
          claimedAt: null,
          lastError: null,
          messageId: null,
          sentAt: null,
        }),
        now,
      ),
    );
  }

  /** Call after the caller's transaction committed, so the worker sends now rather than at its next poll. */
  wake(): void {
    this.worker.wake();
  }
}
