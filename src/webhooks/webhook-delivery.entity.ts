import { Field, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { GraphQLDateTime } from 'graphql-scalars';
import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { InstantColumn } from '../database/columns';
import { Webhook, WebhookEvent } from './webhook.entity';

export enum WebhookDeliveryStatus {
  /** Waiting for its first attempt or for a retry at `nextAttemptAt`. */
  PENDING = 'PENDING',
  DELIVERED = 'DELIVERED',
  /** Given up: refused by the receiver, or retried as often as allowed. */
  FAILED = 'FAILED',
}
registerEnumType(WebhookDeliveryStatus, {
  name: 'WebhookDeliveryStatus',
  description: 'Where a delivery stands.',
  valuesMap: {
    PENDING: { description: 'Waiting for its first attempt or for a retry at `nextAttemptAt`.' },
    DELIVERED: { description: 'The receiver answered with a 2xx status.' },
    FAILED: { description: 'Given up: refused by the receiver, or retried as often as allowed.' },
  },
});

@ObjectType({ description: 'One attempt to deliver: what the receiver answered, or what went wrong.' })
export class WebhookAttempt {
  @Field(() => GraphQLDateTime, { description: 'When it was made (UTC).' })
  at: Date;

  @Field(() => Int, { nullable: true, description: 'The HTTP status the receiver answered, if it answered.' })
  responseStatus: number | null;

  @Field(() => String, { nullable: true, description: 'What went wrong, if it failed.' })
  error: string | null;
}

/** What is stored of an attempt: instants as ISO text, as JSON holds them. */
export interface StoredAttempt {
  at: string;
  responseStatus: number | null;
  error: string | null;
}

@ObjectType({ description: 'One change sent (or being sent) to one webhook.' })
@Entity('webhook_deliveries')
@Index('IDX_webhook_deliveries_webhook', ['webhookId', 'id'])
@Index('IDX_webhook_deliveries_due', ['status', 'nextAttemptAt'])
export class WebhookDelivery {
  @Field(() => ID, { description: "Also sent as webhook-id (and X-Lectern-Delivery) and as the body's `id`: the same on every retry." })
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'integer' })
  webhookId: number;

  @ManyToOne(() => Webhook, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'webhookId', foreignKeyConstraintName: 'FK_webhook_deliveries_webhook' })
  webhook?: Webhook;

  @Field(() => WebhookEvent, { description: 'The change it tells of.' })
  @Column({ type: 'varchar', length: 32 })
  event: WebhookEvent;

  @Field({ description: 'The JSON body sent, exactly as signed.' })
  @Column({ type: 'text' })
  body: string;

  @Field(() => WebhookDeliveryStatus, { description: 'Pending, delivered or failed.' })
  @Column({ type: 'varchar', length: 16 })
  status: WebhookDeliveryStatus;

  @Field(() => Int, { description: 'How many times it was sent.' })
  @Column({ type: 'integer', default: 0 })
  attempts: number;

  @Field(() => GraphQLDateTime, { nullable: true, description: 'When it is sent next; empty once delivered or failed.' })
  @InstantColumn({ nullable: true })
  nextAttemptAt: Date | null;

  /** Set while one instance sends it, so no other sends it too. */
  @InstantColumn({ nullable: true })
  claimedAt: Date | null;

  @Field(() => Int, { nullable: true, description: 'The HTTP status of the last attempt, if the receiver answered.' })
  @Column({ type: 'integer', nullable: true })
  responseStatus: number | null;

  @Field(() => String, { nullable: true, description: 'What went wrong in the last attempt.' })
  @Column({ type: 'varchar', length: 500, nullable: true })
  error: string | null;

  @Column({ type: 'simple-json' })
  attemptLog: StoredAttempt[];

  @Field(() => GraphQLDateTime, { nullable: true, description: 'When it was last sent (UTC); empty before the first attempt.' })
  @InstantColumn({ nullable: true })
  lastAttemptAt: Date | null;

  @Field(() => GraphQLDateTime, { nullable: true, description: 'When the receiver accepted it (UTC); empty until then.' })
  @InstantColumn({ nullable: true })
  deliveredAt: Date | null;

  @Field(() => GraphQLDateTime, { description: 'When the change was queued (UTC).' })
  @InstantColumn()
  createdAt: Date;

  @Field(() => GraphQLDateTime, { description: 'When its state last changed (UTC).' })
  @InstantColumn()
  updatedAt: Date;
}
