import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { InstantColumn } from '../../database/columns';
import { Speaker } from '../../speakers/speaker.entity';

/**
 * A speaker signed in on their own page, opened by a sign-in link. Their browser's cookie holds
 * the secret; only its hash is stored, as with access tokens.
 */
@Entity('speaker_sessions')
export class SpeakerSession {
  @PrimaryGeneratedColumn()
  id: number;

  @Index('IDX_speaker_sessions_speaker')
  @Column({ type: 'integer' })
  speakerId: number;

  @ManyToOne(() => Speaker, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'speakerId', foreignKeyConstraintName: 'FK_speaker_sessions_speaker' })
  speaker?: Speaker;

  /** SHA-256 of the cookie's secret, hex. */
  @Index('UQ_speaker_sessions_hash', { unique: true })
  @Column({ type: 'varchar', length: 64 })
  hash: string;

  @InstantColumn()
  createdAt: Date;

  @InstantColumn()
  expiresAt: Date;

  /** When the speaker signed out; the session is over from then. */
  @InstantColumn({ nullable: true })
  endedAt: Date | null;
}
