import { Injectable, OnModuleDestroy, OnModuleInit } from '@nestjs/common';
import { DataSource, EntityManager, In } from 'typeorm';
import { stamped } from '../common/entities';
import { Transactions } from '../database/transactions';
import { ProgrammeChange, ProgrammeEvents } from '../events/programme-events';
import { WebhookClock } from './webhook-clock';
import { WebhookDelivery, WebhookDeliveryStatus } from './webhook-delivery.entity';
import { WebhookPayloads } from './webhook-payloads';
import { WebhookWorker } from './webhook-worker';
import { Webhook, WebhookEvent } from './webhook.entity';

const WEBHOOK_EVENTS = new Set<string>(Object.values(WebhookEvent));

/**
 * Hears committed programme changes and writes one delivery per webhook that listens for it.
 * It never sends anything itself: the mutation that made the change has answered already, and
 * the worker sends from the database, so a restart loses nothing that was written.
 */
@Injectable()
export class WebhookOutbox implements OnModuleInit, OnModuleDestroy {
  private stopListening?: () => void;
  private readonly writing = new Set<Promise<void>>();

  constructor(
    private readonly events: ProgrammeEvents,
    private readonly dataSource: DataSource,
    private readonly transactions: Transactions,
    private readonly payloads: WebhookPayloads,
    private readonly worker: WebhookWorker,
    private readonly clock: WebhookClock,
  ) {}

  onModuleInit(): void {
    this.stopListening = this.events.listen((changes) => this.enqueue(changes));
  }

  async onModuleDestroy(): Promise<void> {
    this.stopListening?.();
    await Promise.allSettled([...this.writing]);
  }

  private enqueue(changes: readonly ProgrammeChange[]): Promise<void> | undefined {
    const told = changes.filter((change) => WEBHOOK_EVENTS.has(change.kind));
    if (told.length === 0) return undefined;
    // Most conferences have no webhooks: asked first, outside a transaction, so that a write of
    // theirs costs no second transaction (on SQLite they take turns, and writes queue behind it).
    const work: Promise<void> = this.listeningTo(told)
      .then((webhooks) => (webhooks.length ? this.transactions.runBookkeeping((manager) => this.write(manager, told, webhooks)) : 0))
      .then((written) => {
        if (written > 0) this.worker.wake();
      })
      .finally(() => this.writing.delete(work));
    this.writing.add(work);
    return work;
  }

  /** The webhooks of the changes' conferences that listen for at least one of them. */
  private async listeningTo(changes: readonly ProgrammeChange[]): Promise<Webhook[]> {
    const conferenceIds = [...new Set(changes.map((change) => change.conferenceId))];
    const webhooks = await this.dataSource.manager.findBy(Webhook, { conferenceId: In(conferenceIds) });
    return webhooks.filter((webhook) =>
      changes.some((change) => webhook.conferenceId === change.conferenceId && webhook.events.includes(change.kind as WebhookEvent)),
    );
  }

  private async write(manager: EntityManager, changes: readonly ProgrammeChange[], webhooks: readonly Webhook[]): Promise<number> {
    let written = 0;
    for (const change of changes) {
      const listening = webhooks.filter(
        (webhook) => webhook.conferenceId === change.conferenceId && webhook.events.includes(change.kind as WebhookEvent),
      );
      if (listening.length === 0) continue;
      const told = await this.payloads.publicChange(manager, change);
      if (!told) continue;
      for (const webhook of listening) {
        const now = this.clock.now();
        const delivery = await manager.save(
          stamped(
            manager.create(WebhookDelivery, {
              webhookId: webhook.id,
              event: change.kind as WebhookEvent,
              body: '',
              status: WebhookDeliveryStatus.PENDING,
              attempts: 0,
              nextAttemptAt: now,
              claimedAt: null,
              responseStatus: null,
              error: null,
              attemptLog: [],
              lastAttemptAt: null,
              deliveredAt: null,
            }),
            now,
          ),
        );
        // The body carries the delivery's own id, so receivers can tell a retry from a new change.
        const body = JSON.stringify({ id: String(delivery.id), event: change.kind, ...told, occurredAt: change.at.toISOString() });
        await manager.update(WebhookDelivery, { id: delivery.id }, { body });
        written++;
      }
    }
    return written;
  }
}
