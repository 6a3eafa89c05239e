import { Args, ObjectType, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { CurrentViewer } from '../auth/current-viewer.decorator';
import { OrganiserMutation } from '../auth/organiser-mutation.decorator';
import { Viewer } from '../auth/viewer';
import { Connection } from '../common/connection';
import { OutboxMail } from './mail.entity';
import { OutboxArgs, RetryMailInput } from './mail.inputs';
import { MailOutboxService } from './mail-outbox.service';

@ObjectType({ description: 'A page of outgoing mails.' })
export class OutboxMailConnection extends Connection(OutboxMail) {}

@Resolver(() => OutboxMail)
export class MailResolver {
  constructor(private readonly mails: MailOutboxService) {}

  @Query(() => OutboxMailConnection, {
    description:
      'The mails Lectern sent, is sending or kept (without SMTP_URL), newest first: an admin sees all, an organiser those of their conferences.',
  })
  outbox(@Args() args: OutboxArgs, @CurrentViewer() viewer: Viewer) {
    return this.mails.list(args, viewer);
  }

  @ResolveField(() => [String], { description: "The attachments' file names, e.g. an .ics." })
  attachmentFilenames(@Parent() mail: OutboxMail): string[] {
    return mail.attachments.map((attachment) => attachment.filename);
  }

  @OrganiserMutation(() => OutboxMail, { description: 'Sends a FAILED mail again, with a fresh set of attempts.' })
  retryMail(@Args('input', { description: 'The mail.' }) input: RetryMailInput, @CurrentViewer() actor: Viewer) {
    return this.mails.retry(input.id, actor);
  }
}
