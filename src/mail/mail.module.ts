import { Global, Module, OnModuleInit } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { NodeFinder } from '../nodes/node-finder.service';
import { NodesModule } from '../nodes/nodes.module';
import { OutboxMail } from './mail.entity';
import { MailOutbox } from './mail-outbox';
import { MailWorker } from './mail-worker';
import { MailOutboxService } from './mail-outbox.service';
import { MailResolver } from './mail.resolver';

/** Outgoing e-mail: an outbox written in the sender's transaction, and a worker that sends it over SMTP. */
@Global()
@Module({
  imports: [TypeOrmModule.forFeature([OutboxMail]), NodesModule],
  providers: [MailWorker, MailOutbox, MailOutboxService, MailResolver],
  exports: [MailOutbox, MailOutboxService],
})
export class MailModule implements OnModuleInit {
  constructor(
    private readonly nodes: NodeFinder,
    private readonly outbox: MailOutboxService,
  ) {}

  onModuleInit(): void {
    this.nodes.register('OutboxMail', (id, viewer) => this.outbox.visibleById(id, viewer));
  }
}
