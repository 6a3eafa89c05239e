import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { Speaker } from './speaker.entity';

/**
 * Another slug that names the same person, from another spelling of the name met in sources
 * ("carl-magnus-laner" for Carl-Martin Lanér): looked up, it leads to the person's own slug.
 */
@Entity('speaker_slugs')
export class SpeakerSlug {
  @PrimaryColumn({ type: 'varchar', length: 80 })
  slug: string;

  @Index('IDX_speaker_slugs_speaker')
  @Column({ type: 'integer' })
  speakerId: number;

  @ManyToOne(() => Speaker, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'speakerId', foreignKeyConstraintName: 'FK_speaker_slugs_speaker' })
  speaker?: Speaker;
}
