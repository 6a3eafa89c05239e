import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ConferencesModule } from '../conferences/conferences.module';
import { WebhookClock } from './webhook-clock';
import { WebhookDelivery } from './webhook-delivery.entity';
import { WebhookOutbox } from './webhook-outbox';
import { WebhookPayloads } from './webhook-payloads';
import { WebhookDeliveryResolver, WebhookResolver } from './webhook.resolver';
import { WebhookService } from './webhook.service';
import { WebhookWorker } from './webhook-worker';
import { Webhook } from './webhook.entity';
import { PublishedModule } from '../published/published.module';

/** Outgoing webhooks: organisers register URLs; published changes are POSTed there, signed. */
@Module({
  imports: [TypeOrmModule.forFeature([Webhook, WebhookDelivery]), ConferencesModule, PublishedModule],
  providers: [WebhookClock, WebhookService, WebhookPayloads, WebhookWorker, WebhookOutbox, WebhookResolver, WebhookDeliveryResolver],
})
export class WebhooksModule {}
