import { Inject, Injectable, Logger, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { Brackets } from 'typeorm';
import { APP_CONFIG, AppConfig } from '../config/configuration';
import { Transactions } from '../database/transactions';
import { StoredAttempt, WebhookDelivery, WebhookDeliveryStatus } from './webhook-delivery.entity';
import { WebhookClock } from './webhook-clock';
import { legacySignatureOf, standardSignatureOf, timestampOf } from './webhook-signature';
import { fetch } from 'undici';
import { targetProblem, webhookDispatcher } from './webhook-target';
import { Webhook } from './webhook.entity';

/** Deliveries one instance sends at the same time: a slow receiver holds one of them, not all. */
const MAX_IN_FLIGHT = 8;
/** How often the database is asked for due deliveries another instance wrote. */
const POLL_MS = 5_000;
const RETRY_CAP_MS = 60 * 60 * 1000;
/** A claim older than the timeout plus this belongs to an instance that stopped mid-send. */
const STALE_CLAIM_MARGIN_MS = 60_000;
const ERROR_MAX = 500;

type Claimed = WebhookDelivery & { webhook: Webhook; claimedAt: Date };

interface Outcome {
  responseStatus: number | null;
  /** Null when delivered. */
  error: string | null;
  retry: boolean;
}

/**
 * Sends due deliveries in the background and records each attempt. The state lives in the
 * database (status, `nextAttemptAt`), so a restart resumes where the last run stopped. A delivery
 * is claimed with a conditional UPDATE before it is sent: of several instances, only the one
 * whose UPDATE changed the row sends it.
 */
@Injectable()
export class WebhookWorker implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(WebhookWorker.name);
  private readonly inFlight = new Set<Promise<void>>();
  private readonly stopping = new AbortController();
  private timer?: NodeJS.Timeout;
  private running?: Promise<void>;
  private again = false;
  private readonly dispatcher: ReturnType<typeof webhookDispatcher>;

  constructor(
    private readonly transactions: Transactions,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly clock: WebhookClock,
  ) {
    this.dispatcher = webhookDispatcher(config.webhookAllowPrivateTargets);
  }

  onApplicationBootstrap(): void {
    this.wake();
  }

  async onModuleDestroy(): Promise<void> {
    this.stopping.abort();
    clearTimeout(this.timer);
    await this.running;
    await Promise.allSettled([...this.inFlight]);
    await this.dispatcher.close();
  }

  /** Looks for due deliveries now (after new ones were written, or an attempt ended). */
  wake(): void {
    if (this.stopping.signal.aborted) return;
    if (this.running) {
      this.again = true;
      return;
    }
    clearTimeout(this.timer);
    this.running = this.sendDue()
      .catch((error: unknown) => this.logger.error(`Webhook deliveries could not be read: ${describe(error)}`))
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
    for (const delivery of claimed) this.track(this.attempt(delivery));
    if (claimed.length === free) this.again = true;
    else await this.sleepUntilNextDue();
  }

  private track(work: Promise<void>): void {
    const tracked: Promise<void> = work
      .catch((error: unknown) => this.logger.error(`A webhook delivery could not be recorded: ${describe(error)}`))
      .finally(() => {
        this.inFlight.delete(tracked);
        this.wake();
      });
    this.inFlight.add(tracked);
  }

  private claimDue(limit: number): Promise<Claimed[]> {
    return this.transactions.runBookkeeping(async (manager) => {
      const now = this.clock.now();
      const staleBefore = new Date(now.getTime() - this.config.webhookTimeoutMs - STALE_CLAIM_MARGIN_MS).toISOString();
      const due = await manager
        .createQueryBuilder(WebhookDelivery, 'delivery')
        .select('delivery.id')
        .where('delivery.status = :pending', { pending: WebhookDeliveryStatus.PENDING })
        .andWhere('delivery.nextAttemptAt <= :now', { now: now.toISOString() })
        .andWhere(
          new Brackets((claim) => claim.where('delivery.claimedAt IS NULL').orWhere('delivery.claimedAt < :staleBefore', { staleBefore })),
        )
        .orderBy('delivery.nextAttemptAt', 'ASC')
        .addOrderBy('delivery.id', 'ASC')
        .limit(limit)
        .getMany();
      const mine: number[] = [];
      for (const { id } of due) {
        const claim = await manager
          .createQueryBuilder()
          .update(WebhookDelivery)
          .set({ claimedAt: now })
          .where('"id" = :id AND "status" = :pending AND ("claimedAt" IS NULL OR "claimedAt" < :staleBefore)', {
            id,
            pending: WebhookDeliveryStatus.PENDING,
            staleBefore,
          })
          .execute();
        if (claim.affected === 1) mine.push(id);
      }
      if (mine.length === 0) return [];
      const deliveries = await manager
        .createQueryBuilder(WebhookDelivery, 'delivery')
        .innerJoinAndSelect('delivery.webhook', 'webhook')
        .whereInIds(mine)
        .getMany();
      return deliveries as Claimed[];
    });
  }

  private async sleepUntilNextDue(): Promise<void> {
    const next = await this.transactions.runBookkeeping((manager) =>
      manager
        .createQueryBuilder(WebhookDelivery, 'delivery')
        .select('MIN(delivery.nextAttemptAt)', 'next')
        .where('delivery.status = :pending', { pending: WebhookDeliveryStatus.PENDING })
        .andWhere('delivery.claimedAt IS NULL')
        .getRawOne<{ next: string | null }>(),
    );
    if (this.stopping.signal.aborted) return;
    const wait = next?.next ? new Date(next.next).getTime() - this.clock.now().getTime() : POLL_MS;
    this.timer = setTimeout(() => this.wake(), Math.min(Math.max(wait, 10), POLL_MS));
    this.timer.unref();
  }

  private async attempt(delivery: Claimed): Promise<void> {
    const outcome = await this.send(delivery);
    if (outcome === 'interrupted') {
      await this.transactions.runBookkeeping((manager) =>
        manager.createQueryBuilder().update(WebhookDelivery).set({ claimedAt: null }).where(ownClaim(delivery)).execute(),
      );
      return;
    }
    await this.record(delivery, outcome);
  }

  private async send(delivery: Claimed): Promise<Outcome | 'interrupted'> {
    const { url, secret } = delivery.webhook;
    // Again at each attempt, for a clear message: what a name resolves to may have changed since it
    // was registered. The connection checks once more what it actually connects to (the dispatcher).
    const problem = await targetProblem(url, this.config.webhookAllowPrivateTargets);
    if (problem) return { responseStatus: null, error: `not sent: the url ${problem}`, retry: true };
    const timeout = AbortSignal.timeout(this.config.webhookTimeoutMs);
    // Standard Webhooks: the id is the delivery's, on every retry; the timestamp is this attempt's,
    // so a receiver can refuse an old request replayed.
    const id = String(delivery.id);
    const at = this.clock.now();
    try {
      const response = await fetch(url, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'user-agent': 'Lectern-Webhooks/1',
          'webhook-id': id,
          'webhook-timestamp': timestampOf(at),
          'webhook-signature': standardSignatureOf({ id, at, body: delivery.body }, signingSecrets(delivery.webhook, at)),
          'x-lectern-event': delivery.event,
          'x-lectern-delivery': id,
          // Deprecated: the body's HMAC alone, with no timestamp. Dropped in the next version.
          'x-lectern-signature': legacySignatureOf(delivery.body, secret),
        },
        body: delivery.body,
        redirect: 'manual',
        signal: AbortSignal.any([timeout, this.stopping.signal]),
        dispatcher: this.dispatcher,
      });
      await response.body?.cancel().catch(() => undefined);
      const status = response.status;
      if (status >= 200 && status < 300) return { responseStatus: status, error: null, retry: false };
      if (status >= 300 && status < 400)
        return { responseStatus: status, error: `answered ${status}: redirects are not followed`, retry: false };
      // Other 4xx answers say the request itself is refused: sending it again would not help.
      return { responseStatus: status, error: `answered ${status}`, retry: status >= 500 || status === 408 || status === 429 };
    } catch (error) {
      if (this.stopping.signal.aborted) return 'interrupted';
      if (timeout.aborted) {
        return { responseStatus: null, error: `no answer within ${this.config.webhookTimeoutMs} ms`, retry: true };
      }
      return { responseStatus: null, error: `could not be reached: ${networkError(error)}`, retry: true };
    }
  }

  private async record(delivery: Claimed, outcome: Outcome): Promise<void> {
    const now = this.clock.now();
    const attempts = delivery.attempts + 1;
    const error = outcome.error?.slice(0, ERROR_MAX) ?? null;
    const attemptLog: StoredAttempt[] = [...delivery.attemptLog, { at: now.toISOString(), responseStatus: outcome.responseStatus, error }];
    const retry = error !== null && outcome.retry && attempts < this.config.webhookMaxAttempts;
    const status = error === null ? WebhookDeliveryStatus.DELIVERED : retry ? WebhookDeliveryStatus.PENDING : WebhookDeliveryStatus.FAILED;
    const delay = Math.min(this.config.webhookRetryBaseMs * 2 ** (attempts - 1), RETRY_CAP_MS);
    await this.transactions.runBookkeeping((manager) =>
      manager
        .createQueryBuilder()
        .update(WebhookDelivery)
        .set({
          status,
          attempts,
          attemptLog,
          responseStatus: outcome.responseStatus,
          error,
          lastAttemptAt: now,
          deliveredAt: status === WebhookDeliveryStatus.DELIVERED ? now : null,
          nextAttemptAt: retry ? new Date(now.getTime() + delay) : null,
          claimedAt: null,
          updatedAt: now,
        })
        .where(ownClaim(delivery))
        .execute(),
    );
  }
}

/** The current secret, and the one a rotation replaced while its grace period lasts. */
function signingSecrets(webhook: Webhook, at: Date): string[] {
  const { secret, previousSecret, previousSecretExpiresAt } = webhook;
  return previousSecret && previousSecretExpiresAt && at < previousSecretExpiresAt ? [secret, previousSecret] : [secret];
}

/** Only the claim this instance holds: if it went stale and another instance took it over, that one records. */
function ownClaim(delivery: Claimed) {
  return new Brackets((where) =>
    where.where('"id" = :id', { id: delivery.id }).andWhere('"claimedAt" = :claimedAt', { claimedAt: delivery.claimedAt.toISOString() }),
  );
}

function networkError(error: unknown): string {
  const cause = (error as { cause?: { code?: string; message?: string } }).cause;
  // The guarded lookup's refusal says which address it refused; a system error's code says enough.
  if (cause?.code === 'EPRIVATEADDRESS') return cause.message ?? cause.code;
  return cause?.code ?? cause?.message ?? (error instanceof Error ? error.message : String(error));
}

function describe(error: unknown): string {
  return error instanceof Error ? (error.stack ?? error.message) : String(error);
}
