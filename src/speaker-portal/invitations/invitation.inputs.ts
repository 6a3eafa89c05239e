import { Field, ID, InputType } from '@nestjs/graphql';
import { IdInput } from '../../common/mutation-input';

@InputType({ description: 'Who to invite to speak, and where their mail goes.' })
export class InviteSpeakerInput {
  @Field(() => ID, { description: 'The conference they are invited to (one you organise).' })
  conferenceId: string;

  @Field(() => ID, {
    nullable: true,
    description:
      'An existing person: one whose profile you keep, or who takes part in this conference. Leave it out to invite someone new by `name`.',
  })
  speakerId?: string | null;

  @Field(() => String, {
    nullable: true,
    description: "A new person's name, as they want it shown; a profile is made for them, kept by this conference.",
  })
  name?: string | null;

  @Field({ description: 'Where the invitation and its sign-in link are sent.' })
  email: string;

  @Field(() => String, {
    nullable: true,
    description: 'The language of the mails and of the speaker\'s page: "sv", "nb" or "en" (default: the conference\'s).',
  })
  locale?: string | null;
}

@InputType({ description: 'An invitation to send a new sign-in link for.' })
export class ResendInvitationInput extends IdInput("The invitation's id.") {}

@InputType({ description: 'An invitation to withdraw.' })
export class RevokeInvitationInput extends IdInput("The invitation's id.") {}

@InputType({ description: 'An invitation of yours to accept.' })
export class AcceptInvitationInput extends IdInput("The invitation's id.") {}

@InputType({ description: 'An invitation of yours to decline.' })
export class DeclineInvitationInput extends IdInput("The invitation's id.") {}
