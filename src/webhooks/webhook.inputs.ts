import { Field, ID, InputType } from '@nestjs/graphql';
import { IdInput } from '../common/mutation-input';
import { WebhookEvent } from './webhook.entity';

@InputType({ description: 'A new webhook of one conference.' })
export class CreateWebhookInput {
  @Field(() => ID, { description: 'The conference; you must organise it.' })
  conferenceId: string;

  @Field({ description: 'An http or https URL on a public address; Lectern POSTs each delivery there.' })
  url: string;

  @Field(() => [WebhookEvent], { description: 'The changes to be told of (at least one).' })
  events: WebhookEvent[];

  @Field(() => String, { nullable: true, description: 'What the webhook is for, e.g. "website rebuild".' })
  description?: string | null;
}

@InputType({ description: 'The webhook to change, and the changes: fields left out stay as they are.' })
export class UpdateWebhookInput {
  @Field(() => ID, { nullable: true, description: "The webhook's id; required (optional only while the argument `id` is accepted)." })
  id?: string | null;

  @Field({ nullable: true, description: 'An http or https URL on a public address.' })
  url?: string;

  @Field(() => [WebhookEvent], { nullable: true, description: 'The changes to be told of (at least one).' })
  events?: WebhookEvent[];

  @Field(() => String, { nullable: true, description: 'What the webhook is for.' })
  description?: string | null;
}

@InputType({ description: 'The webhook to remove, with its delivery log.' })
export class DeleteWebhookInput extends IdInput("The webhook's id.") {}

@InputType({ description: 'The webhook whose signing secret to replace.' })
export class RotateWebhookSecretInput {
  @Field(() => ID, { description: "The webhook's id." })
  id: string;

  @Field({ defaultValue: false, description: 'Stop signing with the old secret at once, with no grace period (when it leaked).' })
  revokePrevious: boolean;
}

@InputType({ description: 'The failed delivery to send once more.' })
export class RetryWebhookDeliveryInput extends IdInput("The delivery's id (from `webhookDeliveries`).") {}
