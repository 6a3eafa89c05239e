import { Global, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { OutboxMail } from './mail.entity';
import { MailOutbox } from './mail-outbox';
import { MailWorker } from './mail-worker';
import { MailOutboxService } from './mail-outbox.service';
import { MailResolver } from './mail.resolver';

/** Outgoing e-mail: an outbox written in the sender's transaction, and a worker that sends it over SMTP. */
@Global()
@Module({
  imports: [TypeOrmModule.forFeature([OutboxMail])],
  providers: [MailWorker, MailOutbox, MailOutboxService, MailResolver],
  exports: [MailOutbox, MailOutboxService],
})
export class MailModule {}
