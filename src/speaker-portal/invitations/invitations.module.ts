import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ConferencesModule } from '../../conferences/conferences.module';
import { SpeakersModule } from '../../speakers/speakers.module';
import { Invitation, SignInLink } from './invitation.entity';
import { InvitationResolver, ViewerInvitationsResolver } from './invitation.resolver';
import { InvitationService } from './invitation.service';
import { SignInController } from './sign-in.controller';
import { SpeakerSession } from './speaker-session.entity';
import { SpeakerSessions } from './speaker-sessions.service';

/** Invitations to speak, their sign-in links, and the speaker sessions those open. */
@Module({
  imports: [TypeOrmModule.forFeature([Invitation, SignInLink, SpeakerSession]), ConferencesModule, SpeakersModule],
  controllers: [SignInController],
  providers: [SpeakerSessions, InvitationService, InvitationResolver, ViewerInvitationsResolver],
  exports: [SpeakerSessions, InvitationService],
})
export class InvitationsModule {}
