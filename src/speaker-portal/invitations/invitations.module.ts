import { Module, OnModuleInit } from '@nestjs/common';
import { NodeFinder } from '../../nodes/node-finder.service';
import { NodesModule } from '../../nodes/nodes.module';
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
  imports: [TypeOrmModule.forFeature([Invitation, SignInLink, SpeakerSession]), ConferencesModule, SpeakersModule, NodesModule],
  controllers: [SignInController],
  providers: [SpeakerSessions, InvitationService, InvitationResolver, ViewerInvitationsResolver],
  exports: [SpeakerSessions, InvitationService],
})
export class InvitationsModule implements OnModuleInit {
  constructor(
    private readonly nodes: NodeFinder,
    private readonly invitations: InvitationService,
  ) {}

  onModuleInit(): void {
    this.nodes.register('SpeakerInvitation', (id, viewer) => this.invitations.visible(id, viewer));
  }
}
