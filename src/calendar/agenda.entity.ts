import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';
import { InstantColumn } from '../database/columns';
import { Session } from '../sessions/session.entity';

/**
 * An attendee's own agenda, without an account: whoever holds its secret token may read and change
 * it. Only the token's SHA-256 hash is kept, so the database alone opens no agenda.
 */
@Entity('agendas')
export class Agenda {
  @PrimaryGeneratedColumn()
  id: number;

  /** Hex SHA-256 of the token. */
  @Index('UQ_agendas_token_hash', { unique: true })
  @Column({ type: 'varchar', length: 64 })
  tokenHash: string;

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
