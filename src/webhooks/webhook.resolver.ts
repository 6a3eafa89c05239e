import { Args, Context, Field, ID, ObjectType, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { GraphQLDateTime } from 'graphql-scalars';
import { CurrentViewer } from '../auth/current-viewer.decorator';
import { OrganiserMutation } from '../auth/organiser-mutation.decorator';
import { RequestContext } from '../auth/request-context';
import { Viewer } from '../auth/viewer';
import { Connection, PageArgs } from '../common/connection';
import { mutationInput, newInputArg, replacedArg } from '../common/mutation-input';
import { Conference } from '../conferences/conference.entity';
import { ConferenceLoader } from '../conferences/conference.loader';
import { WebhookClock } from './webhook-clock';
import { WebhookAttempt, WebhookDelivery } from './webhook-delivery.entity';
import { Webhook } from './webhook.entity';
import {
  CreateWebhookInput,
  DeleteWebhookInput,
  RetryWebhookDeliveryInput,
  RotateWebhookSecretInput,
  UpdateWebhookInput,
} from './webhook.inputs';
import { IssuedWebhook, WebhookService } from './webhook.service';

@ObjectType({ description: 'A new webhook with its signing secret, shown this once.' })
export class CreatedWebhook {
  @Field({
    description:
      'The signing secret (Standard Webhooks, "whsec_<base64 key>"): each delivery carries "webhook-signature: v1,<base64 HMAC-SHA256 of \'<webhook-id>.<webhook-timestamp>.<body>\'>" made with it. It is shown this once only.',
  })
  secret: string;

  @Field(() => Webhook, { description: 'The webhook as listed from now on, without its secret.' })
  webhook: Webhook;
}

@ObjectType({ description: 'A page of webhook deliveries.' })
export class WebhookDeliveryConnection extends Connection(WebhookDelivery) {}

const WEBHOOK_ID = { type: () => ID, description: "The webhook's id." };

const created = ({ secret, webhook }: IssuedWebhook): CreatedWebhook => ({ secret, webhook });

@Resolver(() => Webhook)
export class WebhookResolver {
  constructor(
    private readonly webhookService: WebhookService,
    private readonly conferences: ConferenceLoader,
    private readonly clock: WebhookClock,
  ) {}

  @Query(() => [Webhook], { description: 'The webhooks of a conference you organise.' })
  webhooks(@Args('conferenceSlug', { description: "The conference's slug." }) conferenceSlug: string, @CurrentViewer() viewer: Viewer) {
    return this.webhookService.list(conferenceSlug, viewer);
  }

  @Query(() => WebhookDeliveryConnection, { description: 'What was sent to a webhook of a conference you organise, newest first.' })
  webhookDeliveries(
    @Args('webhookId', { type: () => ID, description: "The webhook's id." }) webhookId: string,
    @Args() page: PageArgs,
    @CurrentViewer() viewer: Viewer,
  ) {
    return this.webhookService.deliveriesOf(webhookId, page, viewer);
  }

  @ResolveField(() => Conference, { description: 'The conference whose changes it is told of.' })
  conference(@Parent() webhook: Webhook, @Context() context: RequestContext) {
    return this.conferences.conference(context, webhook.conferenceId);
  }

  @ResolveField(() => GraphQLDateTime, {
    nullable: true,
    description: 'Until when the secret replaced by the last rotation still signs deliveries, beside the current one; null when none does.',
  })
  previousSecretExpiresAt(@Parent() webhook: Webhook): Date | null {
    const until = webhook.previousSecret ? webhook.previousSecretExpiresAt : null;
    return until && until > this.clock.now() ? until : null;
  }

  @OrganiserMutation(() => CreatedWebhook, { description: 'Registers a webhook; its signing secret is in this answer only.' })
  async createWebhook(@Args('input', { description: 'The new webhook.' }) input: CreateWebhookInput, @CurrentViewer() actor: Viewer) {
    return created(await this.webhookService.create(input, actor));
  }

  @OrganiserMutation(() => Webhook, { description: "Changes a webhook's address, events or description." })
  updateWebhook(
    @Args('input', { description: 'The webhook and what to change.' }) input: UpdateWebhookInput,
    @Args('id', replacedArg('id', WEBHOOK_ID)) id: string | null,
    @CurrentViewer() actor: Viewer,
  ) {
    const { id: webhookId, ...changes } = mutationInput(input, { id }, ['id']);
    return this.webhookService.update(webhookId, changes, actor);
  }

  @OrganiserMutation(() => Webhook, { description: 'Removes a webhook and its delivery log; deliveries still waiting are not sent.' })
  deleteWebhook(
    @Args('input', newInputArg(() => DeleteWebhookInput, 'The webhook to remove.')) input: DeleteWebhookInput | null,
    @Args('id', replacedArg('id', WEBHOOK_ID)) id: string | null,
    @CurrentViewer() actor: Viewer,
  ) {
    return this.webhookService.remove(mutationInput(input, { id }, ['id']).id, actor);
  }

  @OrganiserMutation(() => CreatedWebhook, {
    description:
      'Makes a new signing secret, in this answer only, and signs with it from now on. For 24 hours the old secret signs each delivery too (a second signature in webhook-signature), so receivers can switch; see `previousSecretExpiresAt`.',
  })
  async rotateWebhookSecret(
    @Args('input', newInputArg(() => RotateWebhookSecretInput, 'The webhook, and whether the old secret stops at once.'))
    input: RotateWebhookSecretInput | null,
    @Args('id', replacedArg('id', WEBHOOK_ID)) id: string | null,
    @Args(
      'revokePrevious',
      replacedArg('revokePrevious', { type: () => Boolean, description: 'Stop signing with the old secret at once; default false.' }),
    )
    revokePrevious: boolean | null,
    @CurrentViewer() actor: Viewer,
  ) {
    const rotation = mutationInput(input, { id, revokePrevious }, ['id']);
    return created(await this.webhookService.rotateSecret(rotation.id, rotation.revokePrevious ?? false, actor));
  }
}

@Resolver(() => WebhookDelivery)
export class WebhookDeliveryResolver {
  constructor(private readonly webhookService: WebhookService) {}

  @OrganiserMutation(() => WebhookDelivery, {
    description:
      'Sends a failed delivery once more, now: the same id and body, signed with the current secret; its log keeps every attempt.',
  })
  retryWebhookDelivery(
    @Args('input', { description: 'The failed delivery.' }) input: RetryWebhookDeliveryInput,
    @CurrentViewer() actor: Viewer,
  ) {
    return this.webhookService.retryDelivery(input.id, actor);
  }

  @ResolveField(() => [WebhookAttempt], { description: 'Every attempt so far, oldest first.' })
  attemptLog(@Parent() delivery: WebhookDelivery): WebhookAttempt[] {
    return delivery.attemptLog.map((attempt) => ({ ...attempt, at: new Date(attempt.at) }));
  }
}
