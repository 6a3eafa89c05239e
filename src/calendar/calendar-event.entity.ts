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
}
