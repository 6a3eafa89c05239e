import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';
import { InstantColumn } from '../database/columns';
import { Session } from '../sessions/session.entity';

/**
 * An attendee's own agenda, without an account, with two secret tokens: whoever holds its edit
 * token may read and change it; its read token, the one in the feed's address, only reads it.
 * Only the tokens' SHA-256 hashes are kept, so the database alone opens no agenda.
 */
@Entity('agendas')
export class Agenda {
  @PrimaryGeneratedColumn()
  id: number;

  /** Hex SHA-256 of the edit token (an agenda made before read tokens: of its only token). */
  @Index('UQ_agendas_token_hash', { unique: true })
  @Column({ type: 'varchar', length: 64 })
  tokenHash: string;

  /** Hex SHA-256 of the read token; null for an agenda made before read tokens until its edit token is next used. */
  @Index('UQ_agendas_read_token_hash', { unique: true })
  @Column({ type: 'varchar', length: 64, nullable: true })
  readTokenHash: string | null;

  @InstantColumn()
  createdAt: Date;

  @InstantColumn()
  updatedAt: Date;
}

/** A session an attendee put in their agenda. */
@Entity('agenda_sessions')
export class AgendaSession {
  @PrimaryColumn({ type: 'integer' })
  agendaId: number;

  @ManyToOne(() => Agenda, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'agendaId', foreignKeyConstraintName: 'FK_agenda_sessions_agenda' })
  agenda?: Agenda;

  @Index('IDX_agenda_sessions_session')
  @PrimaryColumn({ type: 'integer' })
  sessionId: number;

  @ManyToOne(() => Session, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'sessionId', foreignKeyConstraintName: 'FK_agenda_sessions_session' })
  session?: Session;

  @InstantColumn()
  addedAt: Date;
}
