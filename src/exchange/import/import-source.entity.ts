import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { Conference } from '../../conferences/conference.entity';

export type ImportSourceKind = 'session' | 'speaker' | 'room' | 'track';

/** What a source document's id stands for in Lectern, per conference: how a second import finds what the first made. */
@Entity('import_sources')
@Index('UQ_import_sources_key', ['conferenceId', 'kind', 'sourceKey'], { unique: true })
export class ImportSource {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'integer' })
  conferenceId: number;

  @ManyToOne(() => Conference, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'conferenceId', foreignKeyConstraintName: 'FK_import_sources_conference' })
  conference?: Conference;

  @Column({ type: 'varchar', length: 16 })
  kind: ImportSourceKind;

  @Column({ type: 'varchar', length: 500 })
  sourceKey: string;

  @Column({ type: 'integer' })
  entityId: number;
}
