import { Inject, Injectable, Logger, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import nodemailer, { Transporter } from 'nodemailer';
import { Brackets, In } from 'typeorm';
import { APP_CONFIG, AppConfig } from '../config/configuration';
import { Transactions } from '../database/transactions';
import { MailStatus, OutboxMail } from './mail.entity';

/** Mails one instance sends at the same time. */
const MAX_IN_FLIGHT = 4;
/** How often the database is asked for due mails another instance wrote. */
const POLL_MS = 5_000;
/** As the setting says: each retry waits twice as long as the last, up to an hour. */
const RETRY_CAP_MS = 60 * 60 * 1000;
/**
 * A claim older than this belongs to an instance that stopped mid-send: longer than nodemailer's
 * own timeouts (connect 2 min, greeting 30 s, idle socket 10 min) allow one attempt to take.
 */
const STALE_CLAIM_MS = 15 * 60 * 1000;
const ERROR_MAX = 1000;

type Claimed = OutboxMail & { claimedAt: Date };

/**
 * Sends due mails from the outbox in the background and records each attempt. A mail is claimed
 * with a conditional UPDATE before it is sent: of several instances, only the one whose UPDATE
 * changed the row sends it. Delivery is at least once: an instance that stops after the SMTP
 * server accepted a mail but before it recorded SENT leaves a claim that goes stale, and the mail
 * is sent again (with the same Message-ID, so a mail client can tell).
 *
 * Without SMTP_URL mails are KEPT: never sent, logged once each (after the commit, by whichever
 * instance claims it), so someone running the demo can follow a sign-in link.
 */
@Injectable()
export class MailWorker implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(MailWorker.name);
  private readonly inFlight = new Set<Promise<void>>();
  private stopped = false;
  private timer?: NodeJS.Timeout;
  private running?: Promise<void>;
  private again = false;
  private readonly transport?: Transporter;
  /**
   * The states this instance takes mails in: an instance without SMTP_URL only logs kept mails,
   * and leaves pending ones to the instances that can send them.
   */
  private readonly handled: MailStatus[];

  constructor(
    private readonly transactions: Transactions,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    if (config.smtpUrl) this.transport = nodemailer.createTransport(config.smtpUrl);
    this.handled = this.transport ? [MailStatus.PENDING, MailStatus.KEPT] : [MailStatus.KEPT];
  }

  onApplicationBootstrap(): void {
    this.wake();
  }

  async onModuleDestroy(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    await this.running;
    await Promise.allSettled([...this.inFlight]);
    this.transport?.close();
  }

  /** Looks for due mails now (after new ones were written, or an attempt ended). */
  wake(): void {
    if (this.stopped) return;
    if (this.running) {
      this.again = true;
      return;
    }
    clearTimeout(this.timer);
    this.running = this.sendDue()
      .catch((error: unknown) => {
        this.logger.error(`The mail outbox could not be read: ${describe(error)}`);
        this.pollLater(POLL_MS);
      })
      .finally(() => {
        this.running = undefined;
        if (this.again) {
          this.again = false;
          this.wake();
        }
      });
  }

  private async sendDue(): Promise<void> {
    const free = MAX_IN_FLIGHT - this.inFlight.size;
    // Full: the end of an attempt wakes the worker again.
    if (free <= 0) return;
    const claimed = await this.claimDue(free);
    for (const mail of claimed) this.track(mail.status === MailStatus.KEPT ? this.keep(mail) : this.attempt(mail));
    if (claimed.length === free) this.again = true;
    else await this.sleepUntilNextDue();
  }

  private track(work: Promise<void>): void {
    const tracked: Promise<void> = work
      .catch((error: unknown) => this.logger.error(`A mail could not be recorded: ${describe(error)}`))
      .finally(() => {
        this.inFlight.delete(tracked);
        this.wake();
      });
    this.inFlight.add(tracked);
  }

  private claimDue(limit: number): Promise<Claimed[]> {
    return this.transactions.runBookkeeping(async (manager) => {
      const now = new Date();
      const staleBefore = new Date(now.getTime() - STALE_CLAIM_MS).toISOString();
      const due = await manager
        .createQueryBuilder(OutboxMail, 'mail')
        .select('mail.id')
        .where('mail.status IN (:...due)', { due: this.handled })
        .andWhere('mail.nextAttemptAt <= :now', { now: now.toISOString() })
        .andWhere(new Brackets((claim) => claim.where('mail.claimedAt IS NULL').orWhere('mail.claimedAt < :staleBefore', { staleBefore })))
        .orderBy('mail.nextAttemptAt', 'ASC')
        .addOrderBy('mail.id', 'ASC')
        .limit(limit)
        .getMany();
      const mine: number[] = [];
      for (const { id } of due) {
        const claim = await manager
          .createQueryBuilder()
          .update(OutboxMail)
          .set({ claimedAt: now })
          .where('"id" = :id AND "status" IN (:...due) AND "nextAttemptAt" IS NOT NULL', { id, due: this.handled })
          .andWhere(new Brackets((claim) => claim.where('"claimedAt" IS NULL').orWhere('"claimedAt" < :staleBefore', { staleBefore })))
          .execute();
        if (claim.affected === 1) mine.push(id);
      }
      if (mine.length === 0) return [];
      return (await manager.findBy(OutboxMail, { id: In(mine) })) as Claimed[];
    });
  }

  private async sleepUntilNextDue(): Promise<void> {
    const next = await this.transactions.runBookkeeping((manager) =>
      manager
        .createQueryBuilder(OutboxMail, 'mail')
        .select('MIN(mail.nextAttemptAt)', 'next')
        .where('mail.status IN (:...due)', { due: this.handled })
        .andWhere('mail.claimedAt IS NULL')
        .getRawOne<{ next: string | null }>(),
    );
    if (this.stopped) return;
    const wait = next?.next ? new Date(next.next).getTime() - Date.now() : POLL_MS;
    this.pollLater(Math.min(Math.max(wait, 10), POLL_MS));
  }

  private pollLater(ms: number): void {
    if (this.stopped) return;
    clearTimeout(this.timer);
    this.timer = setTimeout(() => this.wake(), ms);
    this.timer.unref();
  }

  /** No SMTP server: the mail stays in the outbox, and the log shows it once. */
  private async keep(mail: Claimed): Promise<void> {
    this.logger.log({
      msg: `Mail kept, not sent (no SMTP_URL): to ${mail.to}: ${mail.subject}\n${mail.text}`,
      mailId: mail.id,
      kind: mail.kind,
      to: mail.to,
      subject: mail.subject,
    });
    await this.transactions.runBookkeeping((manager) =>
      manager
        .createQueryBuilder()
        .update(OutboxMail)
        .set({ nextAttemptAt: null, claimedAt: null, updatedAt: new Date() })
        .where(ownClaim(mail))
        .execute(),
    );
  }

  private async attempt(mail: Claimed): Promise<void> {
    const outcome = await this.send(mail);
    const now = new Date();
    const attempts = mail.attempts + 1;
    const changes: Partial<OutboxMail> = { attempts, claimedAt: null, updatedAt: now };
    if ('messageId' in outcome) {
      Object.assign(changes, { status: MailStatus.SENT, messageId: outcome.messageId, sentAt: now, nextAttemptAt: null, lastError: null });
    } else {
      const retry = attempts < this.config.mailMaxAttempts;
      const delay = Math.min(this.config.mailRetryBaseMs * 2 ** (attempts - 1), RETRY_CAP_MS);
      Object.assign(changes, {
        status: retry ? MailStatus.PENDING : MailStatus.FAILED,
        nextAttemptAt: retry ? new Date(now.getTime() + delay) : null,
        lastError: outcome.error.slice(0, ERROR_MAX),
      });
      this.logger.warn(`Mail ${mail.id} to ${mail.to} not sent (attempt ${attempts}): ${outcome.error}`);
    }
    await this.transactions.runBookkeeping((manager) =>
      manager.createQueryBuilder().update(OutboxMail).set(changes).where(ownClaim(mail)).execute(),
    );
  }

  private async send(mail: Claimed): Promise<{ messageId: string } | { error: string }> {
    if (!this.transport) return { error: 'no SMTP server is configured (SMTP_URL)' };
    try {
      const info = (await this.transport.sendMail({
        from: this.config.mailFrom,
        to: mail.to,
        subject: mail.subject,
        text: mail.text,
        html: mail.html,
        messageId: messageIdOf(mail, this.config.mailFrom),
        attachments: mail.attachments.map(({ filename, contentType, content }) => ({ filename, contentType, content })),
      })) as { messageId?: string };
      return { messageId: info.messageId ?? messageIdOf(mail, this.config.mailFrom) };
    } catch (error) {
      return { error: error instanceof Error ? error.message : String(error) };
    }
  }
}

/** The same on every attempt, so a mail sent twice (see the class) reads as one to a mail client. */
function messageIdOf(mail: OutboxMail, from: string): string {
  const domain = /@([^>\s]+)>?\s*$/.exec(from)?.[1] ?? 'lectern.invalid';
  return `<mail-${mail.id}.${mail.createdAt.getTime()}@${domain}>`;
}

/** Only the claim this instance holds: if it went stale and another instance took it over, that one records. */
function ownClaim(mail: Claimed) {
  return new Brackets((where) =>
    where.where('"id" = :id', { id: mail.id }).andWhere('"claimedAt" = :claimedAt', { claimedAt: mail.claimedAt.toISOString() }),
  );
}

function describe(error: unknown): string {
  return error instanceof Error ? (error.stack ?? error.message) : String(error);
}
