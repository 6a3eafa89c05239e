import { Module } from '@nestjs/common';

/** Invitations to speak, their sign-in links, and the speaker sessions those open. */
@Module({})
export class InvitationsModule {}
