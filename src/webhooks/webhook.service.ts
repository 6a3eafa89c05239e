import { Inject, Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, Repository } from 'typeorm';
import { requireOrganiserOf, Viewer } from '../auth/viewer';
import { Page, PageArgs, paginate } from '../common/connection';
import { parseId, stamped } from '../common/entities';
import { notFound, UserError } from '../common/errors';
import { Validation } from '../common/validation';
import { ConferenceService } from '../conferences/conference.service';
import { APP_CONFIG, AppConfig } from '../config/configuration';
import { Transactions } from '../database/transactions';
import { WebhookDelivery, WebhookDeliveryStatus } from './webhook-delivery.entity';
import { WebhookWorker } from './webhook-worker';
import { WebhookClock } from './webhook-clock';
import { newWebhookSecret, ROTATED_SECRET_GRACE_MS } from './webhook-signature';
import { targetProblem } from './webhook-target';
import { Webhook, WebhookEvent } from './webhook.entity';
import { CreateWebhookInput, UpdateWebhookInput } from './webhook.inputs';
import { Changes } from '../common/mutation-input';

const URL_MAX = 2000;
const DESCRIPTION_MAX = 500;
/** Each change is sent to every webhook of its conference: this bounds the fan-out. */
const WEBHOOKS_PER_CONFERENCE_MAX = 20;

export interface IssuedWebhook {
  /** Shown once, when created or rotated. */
  secret: string;
  webhook: Webhook;
}

/** Webhooks and their delivery logs, for the organisers of their conference only. */
@Injectable()
export class WebhookService {
  constructor(
    @InjectRepository(Webhook) private readonly webhooks: Repository<Webhook>,
    @InjectRepository(WebhookDelivery) private readonly deliveries: Repository<WebhookDelivery>,
    private readonly transactions: Transactions,
    private readonly conferences: ConferenceService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly clock: WebhookClock,
    private readonly worker: WebhookWorker,
  ) {}

  async list(conferenceSlug: string, viewer: Viewer): Promise<Webhook[]> {
    requireSignedIn(viewer);
    const conference = await this.conferences.bySlug(conferenceSlug, viewer, 'conferenceSlug');
    requireOrganiserOf(viewer, conference.id, 'conferenceSlug');
    return this.webhooks.find({ where: { conferenceId: conference.id }, order: { id: 'ASC' } });
  }

  /** Newest first. */
  async deliveriesOf(webhookId: string, page: PageArgs, viewer: Viewer): Promise<Page<WebhookDelivery>> {
    requireSignedIn(viewer);
    const webhook = await this.requireFor(this.webhooks.manager, webhookId, viewer, 'webhookId');
    const query = this.deliveries.createQueryBuilder('delivery').where('delivery.webhookId = :webhookId', { webhookId: webhook.id });
    return paginate(query.orderBy('delivery.id', 'DESC'), page);
  }

  async create(input: CreateWebhookInput, actor: Viewer): Promise<IssuedWebhook> {
    const conferenceId = parseId(input.conferenceId, 'conference', 'conferenceId');
    requireOrganiserOf(actor, conferenceId, 'conferenceId');
    const v = new Validation().required(input.url, 'url').required(input.events, 'events');
    await this.checkFields(v, input);
    v.throwIfFailed();
    return this.transactions.run(async (manager) => {
      await this.conferences.require(manager, conferenceId, 'conferenceId');
      if ((await manager.countBy(Webhook, { conferenceId })) >= WEBHOOKS_PER_CONFERENCE_MAX) {
        throw new UserError('CONFLICT', `conferenceId: a conference has at most ${WEBHOOKS_PER_CONFERENCE_MAX} webhooks`, 'conferenceId');
      }
      const secret = newWebhookSecret();
      const webhook = manager.create(Webhook, {
        conferenceId,
        url: input.url.trim(),
        events: distinct(input.events),
        description: input.description?.trim() || null,
        secret,
        previousSecret: null,
        previousSecretExpiresAt: null,
      });
      return { secret, webhook: await manager.save(stamped(webhook)) };
    });
  }

  async update(id: string, input: Changes<UpdateWebhookInput>, actor: Viewer): Promise<Webhook> {
    await this.requireFor(this.webhooks.manager, id, actor);
    const v = new Validation()
      .check(input.url !== null, 'url', 'cannot be cleared')
      .check(input.events !== null, 'events', 'cannot be cleared');
    await this.checkFields(v, input);
    v.throwIfFailed();
    return this.transactions.run(async (manager) => {
      const webhook = await this.requireFor(manager, id, actor);
      if (input.url != null) webhook.url = input.url.trim();
      if (input.events != null) webhook.events = distinct(input.events);
      if (input.description !== undefined) webhook.description = input.description?.trim() || null;
      return manager.save(stamped(webhook));
    });
  }

  /**
   * A new secret, at once: every attempt from now on is signed with it, deliveries still waiting
   * included. The secret it replaces signs beside it for the grace period, so a receiver can take
   * the new one in meanwhile; unless `revokePrevious` (the old one leaked), when it stops at once.
   * A secret replaced before (of an earlier rotation) stops now either way.
   */
  rotateSecret(id: string, revokePrevious: boolean, actor: Viewer): Promise<IssuedWebhook> {
    return this.transactions.run(async (manager) => {
      const webhook = await this.requireFor(manager, id, actor);
      webhook.previousSecret = revokePrevious ? null : webhook.secret;
      webhook.previousSecretExpiresAt = revokePrevious ? null : new Date(this.clock.now().getTime() + ROTATED_SECRET_GRACE_MS);
      webhook.secret = newWebhookSecret();
      return { secret: webhook.secret, webhook: await manager.save(stamped(webhook)) };
    });
  }

  /**
   * Sends a failed delivery once more, now, as it was (same id and body, signed with today's
   * secret); its log keeps every earlier attempt. If this one fails too it is failed again: a
   * retry is one attempt, not a new round of them.
   */
  async retryDelivery(id: string, actor: Viewer): Promise<WebhookDelivery> {
    requireSignedIn(actor);
    const deliveryId = parseId(id, 'webhook delivery', 'id');
    const retried = await this.transactions.run(async (manager) => {
      const delivery = await manager.findOneBy(WebhookDelivery, { id: deliveryId });
      if (!delivery) throw notFound('webhook delivery', 'id', id);
      await this.requireFor(manager, String(delivery.webhookId), actor, 'id');
      if (delivery.status !== WebhookDeliveryStatus.FAILED) {
        const state = delivery.status === WebhookDeliveryStatus.DELIVERED ? 'was delivered' : 'is still being sent';
        throw new UserError('CONFLICT', `id: only a failed delivery is retried; this one ${state}`, 'id');
      }
      delivery.status = WebhookDeliveryStatus.PENDING;
      delivery.nextAttemptAt = this.clock.now();
      delivery.updatedAt = this.clock.now();
      return manager.save(delivery);
    });
    this.worker.wake();
    return retried;
  }

  /** Its delivery log goes with it, and nothing more is sent. */
  remove(id: string, actor: Viewer): Promise<Webhook> {
    return this.transactions.run(async (manager) => {
      const webhook = await this.requireFor(manager, id, actor);
      await manager.delete(Webhook, { id: webhook.id });
      return webhook;
    });
  }

  private async requireFor(manager: EntityManager, id: string, actor: Viewer, field = 'id'): Promise<Webhook> {
    const webhook = await manager.findOneBy(Webhook, { id: parseId(id, 'webhook', field) });
    if (!webhook) throw notFound('webhook', field, id);
    requireOrganiserOf(actor, webhook.conferenceId, field);
    return webhook;
  }

  /** The fields both create and update take; the URL's host is looked up, so this runs outside any transaction. */
  private async checkFields(v: Validation, input: Changes<UpdateWebhookInput>): Promise<void> {
    v.maxLength(input.url, URL_MAX, 'url').maxLength(input.description, DESCRIPTION_MAX, 'description');
    if (input.events) v.check(input.events.length > 0, 'events', 'name at least one event');
    if (input.url && v.ok) {
      const problem = await targetProblem(input.url.trim(), this.config.webhookAllowPrivateTargets);
      if (problem) v.fail('url', problem);
    }
  }
}

function requireSignedIn(viewer: Viewer): void {
  if (!viewer.organiser) throw new UserError('UNAUTHENTICATED', 'Webhooks are for organisers: send "Authorization: Bearer <token>".');
}

const distinct = (events: WebhookEvent[]) => [...new Set(events)];
