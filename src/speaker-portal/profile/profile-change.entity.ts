import { Field, ID, ObjectType, registerEnumType } from '@nestjs/graphql';
import { GraphQLDateTime } from 'graphql-scalars';
import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { asGlobalId } from '../../common/global-id';
import { Node } from '../../common/node';
import { LocalisedText } from '../../common/localisation';
import { Conference } from '../../conferences/conference.entity';
import { InstantColumn } from '../../database/columns';
import { Appearance } from '../../sessions/appearance.entity';
import { SpeakerLink } from '../../speakers/speaker.entity';
import { Speaker } from '../../speakers/speaker.entity';

export enum ProfileChangeStatus {
  PENDING = 'PENDING',
  APPROVED = 'APPROVED',
  REJECTED = 'REJECTED',
  APPLIED = 'APPLIED',
}
registerEnumType(ProfileChangeStatus, {
  name: 'ProfileChangeStatus',
  description: "Where a speaker's proposed change stands.",
  valuesMap: {
    PENDING: { description: 'Waiting for the organisers; the public still sees the old values.' },
    APPROVED: { description: 'Approved by an organiser and published.' },
    REJECTED: { description: 'Rejected by an organiser (see its note); nothing changed.' },
    APPLIED: { description: 'Published at once: the conference lets speakers change this without review.' },
  },
});

export enum ProfileChangeKind {
  PROFILE = 'PROFILE',
  APPEARANCE = 'APPEARANCE',
}
registerEnumType(ProfileChangeKind, {
  name: 'ProfileChangeKind',
  description: 'What a proposed change changes.',
  valuesMap: {
    PROFILE: { description: "The speaker's own profile: name, other spellings, bio, links, photo." },
    APPEARANCE: { description: 'One of their appearances: the title and organisation they had then.' },
  },
});

/** A photo stored for the speaker, to be shown on their profile. */
export interface ProposedPhoto {
  photoId: string;
  url: string;
  width: number | null;
  height: number | null;
  alt: LocalisedText | null;
}

/** The values a speaker proposes for their profile; a field left out is not part of the change. */
export interface ProposedProfile {
  name?: string;
  otherNames?: string[];
  /** Per locale; an empty text takes that locale's bio away, locales left out keep theirs. */
  bio?: Record<string, string>;
  links?: SpeakerLink[];
  photo?: ProposedPhoto;
}

/** The values a speaker proposes for one of their appearances. */
export interface ProposedAppearance {
  title?: string | null;
  organisation?: string | null;
}

export type ProposedValues = ProposedProfile & ProposedAppearance;

/**
 * A change a speaker (or an organiser for them) proposed to the speaker's profile or one of their
 * appearances, with the values it replaced when proposed, so reviewers see a diff. Reviewed by the
 * organisers of `conferenceId`: the profile's owner conference, or the appearance's session's.
 */
@ObjectType({
  description: "A change proposed to a speaker's profile or to one of their appearances, and where it stands.",
  implements: () => [Node],
})
@Entity('profile_changes')
@Index('IDX_profile_changes_conference_status', ['conferenceId', 'status'])
export class ProfileChange {
  @Field(() => ID, { description: "The change's id, for approving or rejecting it.", middleware: [asGlobalId] })
  @PrimaryGeneratedColumn()
  id: number;

  @Index('IDX_profile_changes_speaker')
  @Column({ type: 'integer' })
  speakerId: number;

  @ManyToOne(() => Speaker, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'speakerId', foreignKeyConstraintName: 'FK_profile_changes_speaker' })
  speaker?: Speaker;

  /** Set for a change to an appearance (title, organisation); null for the profile itself. */
  @Column({ type: 'integer', nullable: true })
  appearanceId: number | null;

  @ManyToOne(() => Appearance, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'appearanceId', foreignKeyConstraintName: 'FK_profile_changes_appearance' })
  appearance?: Appearance;

  /** Whose organisers review it; null for a profile no conference owns (admins review it). */
  @Column({ type: 'integer', nullable: true })
  conferenceId: number | null;

  @ManyToOne(() => Conference, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'conferenceId', foreignKeyConstraintName: 'FK_profile_changes_conference' })
  conference?: Conference;

  @Field(() => ProfileChangeStatus, { description: 'PENDING, APPROVED, REJECTED or APPLIED (published at once).' })
  @Column({ type: 'varchar', length: 16 })
  status: ProfileChangeStatus;

  @Column({ type: 'simple-json' })
  changes: ProposedValues;

  /** The same fields' values when the change was proposed. */
  @Column({ type: 'simple-json' })
  before: ProposedValues;

  @Field(() => String, { nullable: true, description: "The reviewing organiser's note to the speaker, e.g. why it was rejected." })
  @Column({ type: 'text', nullable: true })
  note: string | null;

  /** Who proposed it: the speaker themself, or an organiser (one of the two is set). */
  @Column({ type: 'integer', nullable: true })
  proposedBySpeakerId: number | null;

  @Column({ type: 'integer', nullable: true })
  proposedByOrganiserId: number | null;

  /** The organiser who approved or rejected it (null when it applied at once, or for the command line). */
  @Column({ type: 'integer', nullable: true })
  reviewedByOrganiserId: number | null;

  @Field(() => GraphQLDateTime, { description: 'When it was proposed (UTC).' })
  @InstantColumn()
  createdAt: Date;

  @Field(() => GraphQLDateTime, { description: 'When it last changed: proposed again, approved or rejected (UTC).' })
  @InstantColumn()
  updatedAt: Date;

  @Field(() => GraphQLDateTime, { nullable: true, description: 'When it was approved, rejected or applied (UTC).' })
  @InstantColumn({ nullable: true })
  reviewedAt: Date | null;
}
