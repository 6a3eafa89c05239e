import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { AccessToken } from '../../auth/access-token.entity';
import { Organiser } from '../../auth/organiser.entity';
import { InstantColumn } from '../../database/columns';

/**
 * An organiser signed in to the console, by a pasted access token or an e-mailed link. Their
 * browser's cookie holds the secret; only its hash is stored, as with access tokens.
 */
@Entity('organiser_sessions')
export class OrganiserSession {
  @PrimaryGeneratedColumn()
  id: number;

  @Index('IDX_organiser_sessions_organiser')
  @Column({ type: 'integer' })
  organiserId: number;

  @ManyToOne(() => Organiser, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'organiserId', foreignKeyConstraintName: 'FK_organiser_sessions_organiser' })
  organiser?: Organiser;

  /**
   * The token pasted to open it (null: a sign-in link). The session works only while that token
   * does, so revoking a leaked token also ends what was opened with it.
   */
  @Index('IDX_organiser_sessions_access_token')
  @Column({ type: 'integer', nullable: true })
  accessTokenId: number | null;

  @ManyToOne(() => AccessToken, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'accessTokenId', foreignKeyConstraintName: 'FK_organiser_sessions_access_token' })
  accessToken?: AccessToken;

  /** SHA-256 of the cookie's secret, hex. */
  @Index('UQ_organiser_sessions_hash', { unique: true })
  @Column({ type: 'varchar', length: 64 })
  hash: string;

  @InstantColumn()
  createdAt: Date;

  @InstantColumn()
  expiresAt: Date;

  /** When the organiser signed out; the session is over from then. */
  @InstantColumn({ nullable: true })
  endedAt: Date | null;
}

/** A one-time console sign-in link mailed to an organiser: short-lived, stored as the hash of its secret. */
@Entity('organiser_sign_in_links')
export class OrganiserSignInLink {
  @PrimaryGeneratedColumn()
  id: number;

  @Index('IDX_organiser_sign_in_links_organiser')
  @Column({ type: 'integer' })
  organiserId: number;

  @ManyToOne(() => Organiser, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'organiserId', foreignKeyConstraintName: 'FK_organiser_sign_in_links_organiser' })
  organiser?: Organiser;

  /** SHA-256 of the link's secret, hex. */
  @Index('UQ_organiser_sign_in_links_hash', { unique: true })
  @Column({ type: 'varchar', length: 64 })
  hash: string;

  @InstantColumn()
  createdAt: Date;

  @InstantColumn()
  expiresAt: Date;

  @InstantColumn({ nullable: true })
  usedAt: Date | null;
}
