import { asGlobalId } from '../common/global-id';
import { Node } from '../common/node';
import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { GraphQLDateTime } from 'graphql-scalars';
import { InstantColumn, LocalisedColumn } from '../database/columns';
import { LocalisedText } from '../common/localisation';
import { Conference } from '../conferences/conference.entity';

@ObjectType({ description: "A link on a speaker's profile." })
export class SpeakerLink {
  @Field({ description: 'What the link is, e.g. "LinkedIn" or an article title.' })
  label: string;

  @Field({ description: 'An http(s) URL.' })
  url: string;
}

@ObjectType({ description: 'A person across conferences. Titles and organisations belong to each appearance.', implements: () => [Node] })
@Entity('speakers')
export class Speaker {
  @Field(() => ID, { description: "The speaker's id, for mutations.", middleware: [asGlobalId] })
  @PrimaryGeneratedColumn()
  id: number;

  @Field({ description: 'Unique, e.g. "erik-sandstrom"; names the speaker in `speaker(slug)` and addresses.' })
  @Index('UQ_speakers_slug', { unique: true })
  @Column({ type: 'varchar', length: 80 })
  slug: string;

  @Field({ description: 'Their name as they want it shown.' })
  @Column({ type: 'varchar', length: 200 })
  name: string;

  @Field(() => [String], { description: 'Other spellings of the name met in sources, e.g. "Carl-Magnus Lanér".' })
  @Column({ type: 'simple-json' })
  otherNames: string[];

  /** Read through `bio(locale)`. */
  @LocalisedColumn()
  bio: LocalisedText;

  @Field(() => String, { nullable: true, description: 'An http(s) URL of their photo.' })
  @Column({ type: 'varchar', length: 2000, nullable: true })
  photoUrl: string | null;

  @Field(() => Int, { nullable: true, description: "The photo's width in pixels, when known (lets a page reserve its space)." })
  @Column({ type: 'integer', nullable: true })
  photoWidth: number | null;

  @Field(() => Int, { nullable: true, description: "The photo's height in pixels, when known." })
  @Column({ type: 'integer', nullable: true })
  photoHeight: number | null;

  /** Read through `photoAlt(locale)`. */
  @Column({ type: 'simple-json', nullable: true })
  photoAlt: LocalisedText | null;

  @Field(() => [SpeakerLink], { description: 'Links on their profile, in order.' })
  @Column({ type: 'simple-json' })
  links: SpeakerLink[];

  /**
   * The conference whose organisers own the profile (edit it, read the e-mail): the one that
   * brought the person in. Null: admins only. Other conferences may link the person once public.
   */
  @Index('IDX_speakers_owner_conference')
  @Column({ type: 'integer', nullable: true })
  ownerConferenceId: number | null;

  @ManyToOne(() => Conference, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'ownerConferenceId', foreignKeyConstraintName: 'FK_speakers_owner_conference' })
  ownerConference?: Conference;

  /** Private: never part of a public answer. */
  @Column({ type: 'varchar', length: 320, nullable: true })
  email: string | null;

  /** Lower-case, accent-free name and other names, fed by the service for text search. */
  @Column({ type: 'text', default: '' })
  searchText: string;

  @Field(() => GraphQLDateTime, { description: 'When the profile was created (UTC).' })
  @InstantColumn()
  createdAt: Date;

  @Field(() => GraphQLDateTime, { description: 'When the profile last changed (UTC).' })
  @InstantColumn()
  updatedAt: Date;
}
