import { createHash } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { DataSource, In } from 'typeorm';
import { Transactions } from '../database/transactions';
import { CalendarEvent } from './calendar-event.entity';
import { CalendarSession } from './calendar-session';

/** UIDs per read, and rows per write (four parameters each): under SQLite's oldest limit of 999 parameters. */
const READ_CHUNK = 900;
const WRITE_CHUNK = 200;

/**
 * The calendar ledger: what calendars were last shown of each event. A feed build hands it the
 * sessions it is about to render; an event whose content (as a calendar shows it, in every locale)
 * differs from what the ledger last saw gets a SEQUENCE one higher and a new LAST-MODIFIED, and
 * every event is rendered with the ledger's values. So SEQUENCE never goes backwards for a UID,
 * whether the feed reads the live programme or a release, and any visible change raises it.
 *
 * Its writes are bookkeeping (they make no feed stale), and idempotent: concurrent builds, on one
 * instance or several, may write the same row, and the stored SEQUENCE only ever takes the higher.
 */
@Injectable()
export class CalendarLedger {
  constructor(
    private readonly dataSource: DataSource,
    private readonly transactions: Transactions,
  ) {}

  /** The sessions with `revision` and `updatedAt` as the ledger has them, having recorded what changed. */
  async stamp(sessions: readonly CalendarSession[]): Promise<CalendarSession[]> {
    if (sessions.length === 0) return [];
    const known = new Map<string, CalendarEvent>();
    const uids = [...new Set(sessions.map((session) => session.uid))];
    for (let start = 0; start < uids.length; start += READ_CHUNK) {
      const rows = await this.dataSource.getRepository(CalendarEvent).findBy({ uid: In(uids.slice(start, start + READ_CHUNK)) });
      for (const row of rows) known.set(row.uid, row);
    }
    const now = Date.now();
    const writes = new Map<string, CalendarEvent>();
    const stamped = sessions.map((session) => {
      const contentHash = calendarContentHash(session);
      const row = known.get(session.uid) ?? writes.get(session.uid);
      let entry: CalendarEvent;
      if (!row) {
        entry = { id: 0, uid: session.uid, sequence: session.revision, contentHash, lastModified: session.updatedAt };
      } else if (row.contentHash !== contentHash) {
        const lastModified = new Date(Math.max(now, row.lastModified.getTime() + 1000, session.updatedAt.getTime()));
        entry = { ...row, sequence: Math.max(row.sequence + 1, session.revision), contentHash, lastModified };
      } else if (session.revision > row.sequence) {
        entry = {
          ...row,
          sequence: session.revision,
          lastModified: new Date(Math.max(row.lastModified.getTime(), session.updatedAt.getTime())),
        };
      } else {
        entry = row;
      }
      if (entry !== row) writes.set(session.uid, entry);
      return { ...session, revision: entry.sequence, updatedAt: entry.lastModified };
    });
    if (writes.size > 0) await this.record([...writes.values()]);
    return stamped;
  }

  private record(entries: readonly CalendarEvent[]): Promise<void> {
    return this.transactions.runBookkeeping(async (manager) => {
      for (let start = 0; start < entries.length; start += WRITE_CHUNK) {
        const chunk = entries.slice(start, start + WRITE_CHUNK);
        const values = chunk.map((_, index) => `($${index * 4 + 1}, $${index * 4 + 2}, $${index * 4 + 3}, $${index * 4 + 4})`);
        const parameters = chunk.flatMap((entry) => [entry.uid, entry.sequence, entry.contentHash, entry.lastModified.toISOString()]);
        // Both engines: ON CONFLICT … DO UPDATE with `excluded`, and CASE for the higher SEQUENCE
        // (SQLite's two-argument MAX is PostgreSQL's GREATEST). A row another build raised further
        // keeps its values.
        const newer = `excluded."sequence" > "calendar_events"."sequence"`;
        await manager.query(
          `INSERT INTO "calendar_events" ("uid", "sequence", "contentHash", "lastModified") VALUES ${values.join(', ')}
           ON CONFLICT ("uid") DO UPDATE SET
             "sequence" = CASE WHEN ${newer} THEN excluded."sequence" ELSE "calendar_events"."sequence" END,
             "contentHash" = CASE WHEN ${newer} THEN excluded."contentHash" ELSE "calendar_events"."contentHash" END,
             "lastModified" = CASE WHEN ${newer} THEN excluded."lastModified" ELSE "calendar_events"."lastModified" END`,
          parameters,
        );
      }
    });
  }
}

/**
 * A hash of everything a calendar can show of a session, in every locale it can be rendered in:
 * texts, times, status, format, room, track (and its colour), conference, line-up, stream. Not
 * its revision or timestamps, which the ledger gives. Keys are sorted, so the live programme and
 * a release snapshot of the same content hash alike.
 */
export function calendarContentHash(session: CalendarSession): string {
  const shown = {
    title: session.title,
    abstract: session.abstract,
    format: session.format,
    status: session.status,
    startsAt: session.startsAt?.toISOString() ?? null,
    endsAt: session.endsAt?.toISOString() ?? null,
    streamUrl: session.streamUrl,
    room: session.room,
    track: session.track && { name: session.track.name, color: session.track.color ?? null },
    conference: session.conference,
    lineUp: session.lineUp,
  };
  return createHash('sha256').update(canonical(shown)).digest('hex');
}

function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value && typeof value === 'object' && !(value instanceof Date)) {
    const entries = Object.entries(value as Record<string, unknown>).filter(([, item]) => item !== undefined);
    return `{${entries
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([key, item]) => `${JSON.stringify(key)}:${canonical(item)}`)
      .join(',')}}`;
  }
  return JSON.stringify(value ?? null);
}
