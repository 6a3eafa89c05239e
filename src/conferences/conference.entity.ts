import { asGlobalId } from '../common/global-id';
import { Node } from '../common/node';
import { Field, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { InstantColumn, LocalisedColumn } from '../database/columns';
import { LocalisedText } from '../common/localisation';
import { GraphQLDateTime } from 'graphql-scalars';

export enum ConferenceStatus {
  DRAFT = 'DRAFT',
  PUBLISHED = 'PUBLISHED',
}
registerEnumType(ConferenceStatus, {
  name: 'ConferenceStatus',
  description: 'Whether the public sees a conference.',
  valuesMap: { DRAFT: { description: 'Organisers only.' }, PUBLISHED: { description: 'Public, with its published sessions.' } },
});

export enum ProgrammeFollows {
  LIVE = 'LIVE',
  LATEST_RELEASE = 'LATEST_RELEASE',
}
registerEnumType(ProgrammeFollows, {
  name: 'ProgrammeFollows',
  description: 'What public feeds and queries show by default: the live published programme, or its latest schedule release.',
  valuesMap: {
    LIVE: { description: 'The published programme as it is now.' },
    LATEST_RELEASE: { description: 'The programme as the latest schedule release froze it.' },
  },
});

@ObjectType({ description: 'One edition of an event, e.g. Internetdagarna 2020.', implements: () => [Node] })
@Entity('conferences')
export class Conference {
  @Field(() => ID, { description: "The conference's id, for mutations.", middleware: [asGlobalId] })
  @PrimaryGeneratedColumn()
  id: number;

  @Field({ description: 'Unique, e.g. "internetdagarna-2020"; names the conference in queries and addresses.' })
  @Index('UQ_conferences_slug', { unique: true })
  @Column({ type: 'varchar', length: 80 })
  slug: string;

  @Field({ description: 'E.g. "Internetdagarna 2020".' })
  @Column({ type: 'varchar', length: 200 })
  name: string;

  /** Read through `description(locale)`. */
  @LocalisedColumn()
  description: LocalisedText;

  @Field(() => String, { nullable: true, description: 'The series this edition belongs to, e.g. "Internetdagarna".' })
  @Column({ type: 'varchar', length: 200, nullable: true })
  series: string | null;

  @Field(() => Int, { nullable: true, description: 'The edition, e.g. 2020.' })
  @Column({ type: 'integer', nullable: true })
  edition: number | null;

  @Field({ description: 'First day, in the conference time zone (YYYY-MM-DD).' })
  @Column({ type: 'date' })
  startDate: string;

  @Field({ description: 'Last day, in the conference time zone (YYYY-MM-DD).' })
  @Column({ type: 'date' })
  endDate: string;

  @Field({ description: 'IANA time zone, e.g. "Europe/Stockholm".' })
  @Column({ type: 'varchar', length: 64 })
  timeZone: string;

  @Field({ description: 'The locale texts fall back to, e.g. "sv".' })
  @Column({ type: 'varchar', length: 35 })
  defaultLocale: string;

  @Field(() => [String], {
    description: 'The languages it publishes its texts in (BCP 47), the default first: what translations organisers keep.',
  })
  @Column({ type: 'simple-json', nullable: true })
  locales: string[];

  @Field(() => String, { nullable: true, description: 'Where it is held, e.g. "Stockholmsmässan".' })
  @Column({ type: 'varchar', length: 200, nullable: true })
  venue: string | null;

  @Field(() => String, { nullable: true, description: 'The city it is held in.' })
  @Column({ type: 'varchar', length: 200, nullable: true })
  city: string | null;

  @Field(() => String, { nullable: true, description: "The conference's own website." })
  @Column({ type: 'varchar', length: 2000, nullable: true })
  websiteUrl: string | null;

  @Field(() => String, { nullable: true, description: 'Who runs the event, e.g. "Internetstiftelsen".' })
  @Column({ type: 'varchar', length: 200, nullable: true })
  organiser: string | null;

  @Field(() => ConferenceStatus, { description: 'DRAFT (organisers only) or PUBLISHED.' })
  @Column({ type: 'varchar', length: 16, default: ConferenceStatus.DRAFT })
  status: ConferenceStatus;

  @Field(() => ProgrammeFollows, { description: 'What public readers follow unless they ask otherwise (`?release=live|latest`).' })
  @Column({ type: 'varchar', length: 16, default: ProgrammeFollows.LIVE })
  programmeFollows: ProgrammeFollows;

  @Field({
    description:
      "Whether changes speakers propose to their own profile and appearances wait for an organiser's approval (true, the default) or publish at once.",
  })
  @Column({ type: 'boolean', default: true })
  speakerChangesNeedReview: boolean;

  @Field(() => GraphQLDateTime, { description: 'When it was created (UTC).' })
  @InstantColumn()
  createdAt: Date;

  @Field(() => GraphQLDateTime, { description: 'When it last changed (UTC).' })
  @InstantColumn()
  updatedAt: Date;
}
