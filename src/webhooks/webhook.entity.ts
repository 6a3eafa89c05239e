import { asGlobalId } from '../common/global-id';
import { Node } from '../common/node';
import { Field, ID, ObjectType, registerEnumType } from '@nestjs/graphql';
import { GraphQLDateTime } from 'graphql-scalars';
import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { Conference } from '../conferences/conference.entity';
import { InstantColumn } from '../database/columns';

/** The programme changes a webhook can be told of; each is one of the programme's change kinds. */
export enum WebhookEvent {
  RELEASE_PUBLISHED = 'RELEASE_PUBLISHED',
  SESSION_MOVED = 'SESSION_MOVED',
  SESSION_RETITLED = 'SESSION_RETITLED',
  SESSION_CANCELLED = 'SESSION_CANCELLED',
  SPEAKER_CHANGED = 'SPEAKER_CHANGED',
}
registerEnumType(WebhookEvent, {
  name: 'WebhookEvent',
  description: 'A public change of a published programme that a webhook can be told of.',
  valuesMap: {
    RELEASE_PUBLISHED: { description: 'A schedule release was published.' },
    SESSION_MOVED: { description: 'A session got another time or room.' },
    SESSION_RETITLED: { description: 'A session got another title.' },
    SESSION_CANCELLED: { description: 'A session was cancelled.' },
    SPEAKER_CHANGED: { description: 'A speaker of the programme changed their name, bio or photo.' },
  },
});

@ObjectType({
  description: "An address Lectern tells of changes to one conference's published programme (organisers only).",
  implements: () => [Node],
})
@Entity('webhooks')
export class Webhook {
  @Field(() => ID, { description: "The webhook's id, for mutations and `webhookDeliveries`.", middleware: [asGlobalId] })
  @PrimaryGeneratedColumn()
  id: number;

  @Index('IDX_webhooks_conference')
  @Column({ type: 'integer' })
  conferenceId: number;

  @ManyToOne(() => Conference, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'conferenceId', foreignKeyConstraintName: 'FK_webhooks_conference' })
  conference?: Conference;

  @Field({ description: 'Where deliveries are POSTed (http or https).' })
  @Column({ type: 'varchar', length: 2000 })
  url: string;

  @Field(() => [WebhookEvent], { description: 'The changes it is told of.' })
  @Column({ type: 'simple-json' })
  events: WebhookEvent[];

  @Field(() => String, { nullable: true, description: 'What it is for, e.g. "website rebuild".' })
  @Column({ type: 'varchar', length: 500, nullable: true })
  description: string | null;

  /** Signs each delivery (HMAC-SHA256), so it must be kept as it is; shown only when created or rotated. */
  @Column({ type: 'varchar', length: 64 })
  secret: string;

  /** The secret the last rotation replaced: it signs deliveries too, beside `secret`, until `previousSecretExpiresAt`. */
  @Column({ type: 'varchar', length: 64, nullable: true })
  previousSecret: string | null;

  /** Shown through WebhookResolver, as null once it has passed. */
  @InstantColumn({ nullable: true })
  previousSecretExpiresAt: Date | null;

  @Field(() => GraphQLDateTime, { description: 'When it was registered (UTC).' })
  @InstantColumn()
  createdAt: Date;

  @Field(() => GraphQLDateTime, { description: 'When it last changed (UTC).' })
  @InstantColumn()
  updatedAt: Date;
}
