import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { InstantColumn } from '../database/columns';

/**
 * What calendars were last shown of one event (one session's UID): its SEQUENCE, LAST-MODIFIED
 * and a hash of its content. Feeds write events with these, so SEQUENCE never goes backwards.
 */
@Entity('calendar_events')
export class CalendarEvent {
  @PrimaryGeneratedColumn()
  id: number;

  @Index('UQ_calendar_events_uid', { unique: true })
  @Column({ type: 'varchar', length: 36 })
  uid: string;

  @Column({ type: 'integer' })
  sequence: number;

  /** Hex SHA-256 of what a calendar shows of the event, in every locale (see `calendarContentHash`). */
  @Column({ type: 'varchar', length: 64 })
  contentHash: string;

  @InstantColumn()
  lastModified: Date;

  @Index('IDX_calendar_events_session')
  @Column({ type: 'integer', nullable: true })
  sessionId: number | null;

  /** Known once a conference's feed has shown the event. */
  @Index('IDX_calendar_events_conference')
  @Column({ type: 'integer', nullable: true })
  conferenceId: number | null;

  /** The conference's last day (YYYY-MM-DD): a removed event is kept as cancelled for a while after it. */
  @Column({ type: 'varchar', length: 10, nullable: true })
  conferenceEndDate: string | null;

  /** When the event left its conference's public programme; null while it is in it. */
  @InstantColumn({ nullable: true })
  removedAt: Date | null;

  /** What was last shown of it (a CalendarSession as JSON), to show it cancelled once it is gone. */
  @Column({ type: 'text', nullable: true })
  shown: string | null;
}
