import { Field, ID, InputType } from '@nestjs/graphql';
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

@InputType({ description: 'Fields left out stay as they are.' })
export class UpdateWebhookInput {
  @Field({ nullable: true, description: 'An http or https URL on a public address.' })
  url?: string;

  @Field(() => [WebhookEvent], { nullable: true, description: 'The changes to be told of (at least one).' })
  events?: WebhookEvent[];

  @Field(() => String, { nullable: true, description: 'What the webhook is for.' })
  description?: string | null;
}
