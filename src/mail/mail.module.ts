import { Module } from '@nestjs/common';

/** Outgoing e-mail: an outbox written in the sender's transaction, and a worker that sends it over SMTP. */
@Module({})
export class MailModule {}
