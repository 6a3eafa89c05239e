import { Field, ID, ObjectType, registerEnumType } from '@nestjs/graphql';
import { GraphQLDateTime } from 'graphql-scalars';
import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { asGlobalId } from '../../common/global-id';
import { Node } from '../../common/node';
import { Conference } from '../../conferences/conference.entity';
import { InstantColumn } from '../../database/columns';
import { Speaker } from '../../speakers/speaker.entity';

export enum InvitationStatus {
  PENDING = 'PENDING',
  ACCEPTED = 'ACCEPTED',
  DECLINED = 'DECLINED',
  REVOKED = 'REVOKED',
}
registerEnumType(InvitationStatus, {
  name: 'InvitationStatus',
  description: "Where an invitation to speak stands: the speaker's answer, or the organisers' revocation.",
  valuesMap: {
    PENDING: { description: 'Sent; the speaker has not answered.' },
    ACCEPTED: { description: 'The speaker will speak.' },
    DECLINED: { description: 'The speaker will not speak.' },
    REVOKED: { description: 'Withdrawn by the organisers: its links no longer sign in.' },
  },
});

/** An organiser's invitation to a person to speak at a conference, answered on the speaker's page. */
@ObjectType('SpeakerInvitation', { description: 'An invitation to speak at a conference.', implements: () => [Node] })
@Entity('speaker_invitations')
export class Invitation {
  @Field(() => ID, { description: "The invitation's id.", middleware: [asGlobalId] })
  @PrimaryGeneratedColumn()
  id: number;

  @Index('IDX_speaker_invitations_conference')
  @Column({ type: 'integer' })
  conferenceId: number;

  @ManyToOne(() => Conference, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'conferenceId', foreignKeyConstraintName: 'FK_speaker_invitations_conference' })
  conference?: Conference;

  @Index('IDX_speaker_invitations_speaker')
  @Column({ type: 'integer' })
  speakerId: number;

  @ManyToOne(() => Speaker, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'speakerId', foreignKeyConstraintName: 'FK_speaker_invitations_speaker' })
  speaker?: Speaker;

  @Field({ description: 'Where the invitation and its sign-in links were sent (private: organisers and the speaker only).' })
  @Column({ type: 'varchar', length: 320 })
  email: string;

  @Field({ description: 'The language of its mails and of the speaker\'s page: "sv", "nb" or "en".' })
  @Column({ type: 'varchar', length: 8 })
  locale: string;

  @Field(() => InvitationStatus, { description: 'Whether the speaker has answered, and how.' })
  @Column({ type: 'varchar', length: 16 })
  status: InvitationStatus;

  /** The organiser who invited (null: the command line, or an organiser since removed). */
  @Column({ type: 'integer', nullable: true })
  invitedBy: number | null;

  @Field(() => GraphQLDateTime, { description: 'When it was made (UTC).' })
  @InstantColumn()
  createdAt: Date;

  @Field(() => GraphQLDateTime, { description: 'When it last changed (UTC).' })
  @InstantColumn()
  updatedAt: Date;

  @Field(() => GraphQLDateTime, { nullable: true, description: 'When the speaker accepted or declined.' })
  @InstantColumn({ nullable: true })
  respondedAt: Date | null;

  @Field(() => GraphQLDateTime, { nullable: true, description: 'When the last sign-in link was sent.' })
  @InstantColumn({ nullable: true })
  lastSentAt: Date | null;
}

/**
 * A personal sign-in link sent with an invitation: single-use, expiring, stored as the hash of its
 * secret. Sending again replaces the links sent before (they stop working).
 */
@Entity('speaker_sign_in_links')
export class SignInLink {
  @PrimaryGeneratedColumn()
  id: number;

  @Index('IDX_speaker_sign_in_links_invitation')
  @Column({ type: 'integer' })
  invitationId: number;

  @ManyToOne(() => Invitation, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'invitationId', foreignKeyConstraintName: 'FK_speaker_sign_in_links_invitation' })
  invitation?: Invitation;

  /** SHA-256 of the link's secret, hex. */
  @Index('UQ_speaker_sign_in_links_hash', { unique: true })
  @Column({ type: 'varchar', length: 64 })
  hash: string;

  @InstantColumn()
  createdAt: Date;

  @InstantColumn()
  expiresAt: Date;

  @InstantColumn({ nullable: true })
  usedAt: Date | null;

  /** When it was replaced by a newer link or its invitation was revoked. */
  @InstantColumn({ nullable: true })
  revokedAt: Date | null;
}
