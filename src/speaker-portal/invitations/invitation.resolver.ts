import { Args, Context, ID, ObjectType, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { CurrentViewer } from '../../auth/current-viewer.decorator';
import { OrganiserMutation } from '../../auth/organiser-mutation.decorator';
import { RequestContext } from '../../auth/request-context';
import { SpeakerMutation } from '../../auth/speaker-mutation.decorator';
import { Viewer } from '../../auth/viewer';
import { ViewerObject } from '../../auth/viewer.object';
import { Connection, PageArgs } from '../../common/connection';
import { parseId } from '../../common/entities';
import { Conference } from '../../conferences/conference.entity';
import { ConferenceLoader } from '../../conferences/conference.loader';
import { Speaker } from '../../speakers/speaker.entity';
import { SpeakerLoader } from '../../speakers/speaker.loader';
import { Invitation, InvitationStatus } from './invitation.entity';
import {
  AcceptInvitationInput,
  DeclineInvitationInput,
  InviteSpeakerInput,
  ResendInvitationInput,
  RevokeInvitationInput,
} from './invitation.inputs';
import { InvitationService } from './invitation.service';

@ObjectType({ description: 'A page of invitations to speak.' })
export class SpeakerInvitationConnection extends Connection(Invitation) {}

const invitationId = (id: string) => parseId(id, 'speaker invitation', 'input.id');

@Resolver(() => Invitation)
export class InvitationResolver {
  constructor(
    private readonly invitations: InvitationService,
    private readonly conferences: ConferenceLoader,
    private readonly speakers: SpeakerLoader,
  ) {}

  @Query(() => SpeakerInvitationConnection, { description: 'The invitations to speak at a conference you organise, newest first.' })
  speakerInvitations(
    @Args('conferenceId', { type: () => ID, description: "The conference's id." }) conferenceId: string,
    @Args('status', { type: () => InvitationStatus, nullable: true, description: 'Only those in this state.' })
    status: InvitationStatus | null,
    @Args() page: PageArgs,
    @CurrentViewer() viewer: Viewer,
  ) {
    return this.invitations.ofConference(conferenceId, status, page, viewer);
  }

  @OrganiserMutation(() => Invitation, {
    description:
      'Invites a person (an existing one, or someone new by name) to speak: they get a mail in their language with a personal sign-in link.',
  })
  inviteSpeaker(
    @Args('input', { description: 'Who to invite, to which conference.' }) input: InviteSpeakerInput,
    @CurrentViewer() viewer: Viewer,
  ) {
    return this.invitations.invite(input, viewer);
  }

  @OrganiserMutation(() => Invitation, {
    description: 'Sends the invitation again with a new sign-in link; links sent before stop working.',
  })
  resendInvitation(
    @Args('input', { description: 'The invitation to send again.' }) input: ResendInvitationInput,
    @CurrentViewer() viewer: Viewer,
  ) {
    return this.invitations.resend(invitationId(input.id), viewer);
  }

  @OrganiserMutation(() => Invitation, {
    description: 'Withdraws an invitation: its links stop working, and the speaker is signed out unless another invitation keeps them.',
  })
  revokeInvitation(
    @Args('input', { description: 'The invitation to withdraw.' }) input: RevokeInvitationInput,
    @CurrentViewer() viewer: Viewer,
  ) {
    return this.invitations.revoke(invitationId(input.id), viewer);
  }

  @SpeakerMutation(() => Invitation, { description: 'A signed-in speaker accepts one of their invitations.' })
  acceptInvitation(
    @Args('input', { description: 'The invitation to accept.' }) input: AcceptInvitationInput,
    @CurrentViewer() viewer: Viewer,
  ) {
    return this.invitations.accept(invitationId(input.id), viewer);
  }

  @SpeakerMutation(() => Invitation, { description: 'A signed-in speaker declines one of their invitations.' })
  declineInvitation(
    @Args('input', { description: 'The invitation to decline.' }) input: DeclineInvitationInput,
    @CurrentViewer() viewer: Viewer,
  ) {
    return this.invitations.decline(invitationId(input.id), viewer);
  }

  @ResolveField(() => Conference, { nullable: true, description: 'The conference they are invited to.' })
  conference(@Parent() invitation: Invitation, @Context() context: RequestContext) {
    return this.conferences.conference(context, invitation.conferenceId);
  }

  @ResolveField(() => Speaker, { nullable: true, description: 'Who is invited.' })
  speaker(@Parent() invitation: Invitation, @Context() context: RequestContext) {
    return this.speakers.speaker(context, invitation.speakerId);
  }
}

@Resolver(() => ViewerObject)
export class ViewerInvitationsResolver {
  constructor(private readonly service: InvitationService) {}

  @ResolveField(() => [Invitation], { description: "A signed-in speaker's invitations, newest first; empty for everyone else." })
  invitations(@Parent() viewer: ViewerObject) {
    return viewer.rights.speakerId === null ? [] : this.service.ofSpeaker(viewer.rights.speakerId);
  }
}
