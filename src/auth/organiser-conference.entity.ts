import { Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { Organiser } from './organiser.entity';

/** An organiser's scope: the conferences they may change. */
@Entity('organiser_conferences')
export class OrganiserConference {
  @PrimaryColumn({ type: 'integer' })
  organiserId: number;

  @ManyToOne(() => Organiser, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'organiserId', foreignKeyConstraintName: 'FK_organiser_conferences_organiser' })
  organiser?: Organiser;

  @Index('IDX_organiser_conferences_conference')
  @PrimaryColumn({ type: 'integer' })
  conferenceId: number;

  // Named, not imported: auth sits below the domain. The relation is here for its foreign key; nothing loads it.
  @ManyToOne('Conference', { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'conferenceId', foreignKeyConstraintName: 'FK_organiser_conferences_conference' })
  conference?: unknown;
}
