import { createHash } from 'node:crypto';
import { Inject, Injectable, Optional } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '../config/configuration';
import { SessionStatus } from '../sessions/session.entity';
import { DataSource } from 'typeorm';
import { Transactions } from '../database/transactions';
import { CalendarEvent } from './calendar-event.entity';
import { PublishedConference, PublishedSession } from '../published/published-programme';
import { CalendarSession, calendarSession } from './calendar-session';
import { ProgrammeGeneration } from '../live/programme-generation';

/** UIDs per read, and rows per write (nine parameters each): under SQLite's oldest limit of 999 parameters. */
const READ_CHUNK = 900;
const WRITE_CHUNK = 100;

/**
 * One conference's part of a feed: the sessions it renders, and, when the feed reads the version
 * the conference follows, the whole of that version, from which the ledger learns what left it.
 */
export interface FeedPart {
  conference: { id: number; endDate: string };
  shown: readonly CalendarSession[];
  /** The uids of the whole version the conference follows; absent for a release a reader pinned. */
  complete?: ReadonlySet<string>;
  /** Which of its removed events this feed shows as cancelled; absent: all (the whole programme's feed). */
  keeps?: KeepsRemoved;
}

/** Which removed events a feed keeps as cancelled: those it would have shown (by what was last shown of them). */
export type KeepsRemoved = (session: PublishedSession) => boolean;

/**
 * The calendar ledger: what calendars were last shown of each event. A feed build hands it the
 * sessions it is about to render; an event whose content (as a calendar shows it, in every locale)
 * differs from what the ledger last saw gets a SEQUENCE one higher and a new LAST-MODIFIED, and
 * every event is rendered with the ledger's values. So SEQUENCE never goes backwards for a UID,
 * whether the feed reads the live programme or a release, and any visible change raises it.
 *
 * Every feed that reads the version its conference follows tells it what left: an event it
 * showed that is no longer there (deleted, unpublished, or not in the release followed) is marked
 * removed, with a higher SEQUENCE, and feeds that would have shown it (the whole programme, its
 * track's, its room's, its speakers', a filter it matched, its own) show it as cancelled from what
 * was last shown of it, until its conference ended `CANCELLED_EVENTS_KEPT_DAYS` ago. One that
 * comes back is live again, with a higher SEQUENCE still.
 *
 * Its writes are bookkeeping (they make no feed stale), and idempotent: concurrent builds, on one
 * instance or several, may write the same row, and the stored SEQUENCE only ever takes the higher.
 */
@Injectable()
export class CalendarLedger {
  private readonly keptDays: number;
  /**
   * On a single instance the ledger is written by this one only (its writes are its stamps'), so
   * the rows of each conference read whole are kept and every later build of its feeds reads none.
   * Stamps then run one at a time, so that what is kept is what was written, in that order.
   * With several instances (REDIS_URL) another may raise a row: every build reads them.
   */
  private readonly rowsByConference = new Map<number, Map<string, Known>>();
  private stamps: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly dataSource: DataSource,
    private readonly transactions: Transactions,
    @Inject(APP_CONFIG) config: AppConfig,
    @Optional() private readonly shared?: ProgrammeGeneration,
  ) {
    this.keptDays = config.cancelledEventsKeptDays;
  }

  private get keepsRows(): boolean {
    return !this.shared?.shared;
  }

  /**
   * The sessions of every part with `revision` and `updatedAt` as the ledger has them, having
   * recorded what changed, followed by the removed events each part keeps.
   */
  stamp(parts: readonly FeedPart[]): Promise<CalendarSession[]> {
    if (!this.keepsRows) return this.stampNow(parts);
    const stamped = this.stamps.then(() => this.stampNow(parts));
    this.stamps = stamped.catch(() => undefined);
    return stamped;
  }

  private async stampNow(parts: readonly FeedPart[]): Promise<CalendarSession[]> {
    const known = new Map<string, Known>();
    const completeIds = parts.filter((part) => part.complete).map((part) => part.conference.id);
    for (const row of await this.rowsOfConferences(completeIds)) known.set(row.uid, row);
    const uids = [...new Set(parts.flatMap((part) => part.shown.map((session) => session.uid)))].filter((uid) => !known.has(uid));
    for (let start = 0; start < uids.length; start += READ_CHUNK) {
      for (const row of await this.known('"uid"', uids.slice(start, start + READ_CHUNK))) known.set(row.uid, row);
    }
    const now = Date.now();
    const later = (row: Known, session?: CalendarSession) =>
      new Date(Math.max(now, row.lastModified.getTime() + 1000, session?.updatedAt.getTime() ?? 0));
    const writes = new Map<string, Known>();
    const stamped: CalendarSession[] = [];
    const gone: { entry: Known; keeps?: KeepsRemoved }[] = [];
    for (const { conference, shown, complete, keeps } of parts) {
      for (const session of shown) {
        const contentHash = calendarContentHash(session);
        const row = writes.get(session.uid) ?? known.get(session.uid);
        // What is kept to show it cancelled is written only with a change: building it for every event would cost each build.
        const context = () => ({
          sessionId: session.id,
          conferenceId: conference.id,
          conferenceEndDate: conference.endDate,
          removedAt: null,
          shown: shownOf(session),
          kept: 'published' as const,
        });
        let entry: Known;
        if (!row) {
          entry = { id: 0, uid: session.uid, sequence: session.revision, contentHash, lastModified: session.updatedAt, ...context() };
        } else if (row.contentHash !== contentHash || row.removedAt) {
          entry = {
            ...row,
            ...context(),
            sequence: Math.max(row.sequence + 1, session.revision),
            contentHash,
            lastModified: later(row, session),
          };
        } else if (session.revision > row.sequence) {
          const lastModified = new Date(Math.max(row.lastModified.getTime(), session.updatedAt.getTime()));
          entry = { ...row, ...context(), sequence: session.revision, lastModified };
        } else if (row.conferenceId !== conference.id || row.conferenceEndDate !== conference.endDate || row.kept !== 'published') {
          entry = { ...row, ...context() };
        } else {
          entry = row;
        }
        if (entry !== row) writes.set(session.uid, entry);
        stamped.push(stampedWith(session, entry, contentHash));
      }
      if (!complete) continue;
      for (const row of known.values()) {
        if (complete.has(row.uid) || row.kept === 'none' || row.conferenceId !== conference.id) continue;
        const entry = row.removedAt ? row : { ...row, sequence: row.sequence + 1, removedAt: new Date(now), lastModified: later(row) };
        if (entry !== row) writes.set(row.uid, entry);
        gone.push({ entry, keeps });
      }
    }
    if (writes.size > 0) await this.record([...writes.values()]);
    return [...stamped, ...(await this.cancelledOf(gone))];
  }

  /** The ledger's rows of these conferences: those kept, and the others read (and kept, on a single instance). */
  private async rowsOfConferences(conferenceIds: readonly number[]): Promise<Known[]> {
    const keeps = this.keepsRows;
    const unread = keeps ? conferenceIds.filter((id) => !this.rowsByConference.has(id)) : conferenceIds;
    const read = unread.length ? await this.known('"conferenceId"', unread) : [];
    if (!keeps) return read;
    for (const id of unread) this.rowsByConference.set(id, new Map());
    for (const row of read) this.rowsByConference.get(row.conferenceId!)!.set(row.uid, row);
    return conferenceIds.flatMap((id) => [...this.rowsByConference.get(id)!.values()]);
  }

  /** What was written, into the rows kept (without what an event keeps to show it cancelled: read when needed). */
  private keepWritten(entries: readonly Known[]): void {
    for (const { shown: _, ...row } of entries) {
      for (const [conferenceId, rows] of this.rowsByConference) if (conferenceId !== row.conferenceId) rows.delete(row.uid);
      if (row.conferenceId !== null) this.rowsByConference.get(row.conferenceId)?.set(row.uid, row);
    }
  }

  /** The ledger's rows whose column is one of these values, without what each keeps to show it cancelled (only whether it keeps it). */
  private async known(column: '"conferenceId"' | '"uid"', values: readonly (number | string)[]): Promise<Known[]> {
    const rows: Record<string, unknown>[] = await this.dataSource.query(
      ...this.statement(
        `SELECT "id", "uid", "sequence", "contentHash", "lastModified", "sessionId", "conferenceId", "conferenceEndDate", "removedAt",
           CASE WHEN "shown" IS NULL THEN 'none' WHEN substr("shown", 1, ${KEPT_PREFIX.length}) = :keptPrefix THEN 'published' ELSE 'entry' END AS "kept"
         FROM "calendar_events" WHERE ${column} IN (:...values)`,
        { values, keptPrefix: KEPT_PREFIX },
      ),
    );
    const instant = (value: unknown) => (value == null ? null : value instanceof Date ? value : new Date(String(value)));
    return rows.map((row) => ({
      id: Number(row.id),
      uid: String(row.uid),
      sequence: Number(row.sequence),
      contentHash: String(row.contentHash),
      lastModified: instant(row.lastModified)!,
      sessionId: row.sessionId == null ? null : Number(row.sessionId),
      conferenceId: row.conferenceId == null ? null : Number(row.conferenceId),
      conferenceEndDate: row.conferenceEndDate == null ? null : String(row.conferenceEndDate),
      removedAt: instant(row.removedAt),
      kept: row.kept as Known['kept'],
    }));
  }

  /** The removed events as the cancelled entries their feeds keep, reading what was kept of those still kept. */
  private async cancelledOf(gone: readonly { entry: Known; keeps?: KeepsRemoved }[]): Promise<CalendarSession[]> {
    const kept = gone.filter(({ entry }) => this.stillKept(entry));
    const missing = kept.filter(({ entry }) => entry.shown === undefined).map(({ entry }) => entry.uid);
    const shown = new Map<string, string | null>();
    for (let start = 0; start < missing.length; start += READ_CHUNK) {
      const rows: { uid: string; shown: string | null }[] = await this.dataSource.query(
        ...this.statement(`SELECT "uid", "shown" FROM "calendar_events" WHERE "uid" IN (:...uids)`, {
          uids: missing.slice(start, start + READ_CHUNK),
        }),
      );
      for (const row of rows) shown.set(row.uid, row.shown);
    }
    return kept.flatMap(({ entry, keeps }) => {
      const cancelled = this.cancelled({ ...entry, shown: entry.shown ?? shown.get(entry.uid) ?? null }, keeps);
      return cancelled ? [cancelled] : [];
    });
  }

  private statement(sql: string, parameters: Record<string, unknown>): [string, unknown[]] {
    return this.dataSource.driver.escapeQueryWithParameters(sql, parameters, {}) as [string, unknown[]];
  }

  /** Whether a removed event is still shown as cancelled: until its conference ended `CANCELLED_EVENTS_KEPT_DAYS` ago. */
  private stillKept(row: Pick<CalendarEvent, 'conferenceEndDate'>): boolean {
    if (!row.conferenceEndDate) return true;
    return Date.now() < Date.parse(`${row.conferenceEndDate}T00:00:00Z`) + (this.keptDays + 2) * DAY;
  }

  /** The conference a session was last shown in, when calendars have shown it. */
  async conferenceOf(sessionId: number): Promise<number | undefined> {
    const rows = await this.dataSource.getRepository(CalendarEvent).findBy({ sessionId });
    const row = rows.sort((a, b) => b.sequence - a.sequence)[0];
    return row?.conferenceId ?? undefined;
  }

  /**
   * The event as last shown, cancelled, while it is kept and `keeps` chooses it; undefined after.
   * What was shown before the ledger kept the published session (so only its name, times and
   * line-up) is kept by the whole programme's feed only.
   */
  private cancelled(
    row: Pick<CalendarEvent, 'shown' | 'lastModified' | 'sequence'>,
    keeps: KeepsRemoved | undefined,
  ): CalendarSession | undefined {
    if (!row.shown) return undefined;
    const kept = JSON.parse(row.shown) as KeptEvent | CalendarSession;
    if ('kept' in kept) {
      if (keeps && !keeps(kept.session)) return undefined;
      return {
        ...calendarSession(kept.session, kept.conference),
        status: SessionStatus.CANCELLED,
        updatedAt: row.lastModified,
        revision: row.sequence,
      };
    }
    if (keeps) return undefined;
    return {
      ...kept,
      status: SessionStatus.CANCELLED,
      startsAt: kept.startsAt && new Date(kept.startsAt),
      endsAt: kept.endsAt && new Date(kept.endsAt),
      createdAt: new Date(kept.createdAt),
      updatedAt: row.lastModified,
      revision: row.sequence,
    };
  }

  private async record(entries: readonly Known[]): Promise<void> {
    try {
      await this.write(entries);
    } catch (error) {
      // Whether any of it was written is not known: read the rows again.
      this.rowsByConference.clear();
      throw error;
    }
    if (this.keepsRows) this.keepWritten(entries);
  }

  private write(entries: readonly Known[]): Promise<void> {
    return this.transactions.runBookkeeping(async (manager) => {
      for (let start = 0; start < entries.length; start += WRITE_CHUNK) {
        const chunk = entries.slice(start, start + WRITE_CHUNK);
        const values = chunk.map((_, row) => `(${COLUMNS.map((__, column) => `$${row * COLUMNS.length + column + 1}`).join(', ')})`);
        const parameters = chunk.flatMap((entry) => [
          entry.uid,
          entry.sequence,
          entry.contentHash,
          entry.lastModified.toISOString(),
          entry.sessionId,
          entry.conferenceId,
          entry.conferenceEndDate,
          entry.removedAt?.toISOString() ?? null,
          // Left as it is when this build did not read it.
          entry.shown ?? null,
        ]);
        // Both engines: ON CONFLICT … DO UPDATE with `excluded`, and CASE for the higher SEQUENCE
        // (SQLite's two-argument MAX is PostgreSQL's GREATEST). A row another build raised further
        // keeps its values; one at the same SEQUENCE learns what this build knows more of.
        const newer = `excluded."sequence" > "calendar_events"."sequence"`;
        const taken = (column: string) =>
          `"${column}" = CASE WHEN ${newer} THEN excluded."${column}" ELSE "calendar_events"."${column}" END`;
        const filled = (column: string) =>
          `"${column}" = CASE WHEN excluded."sequence" >= "calendar_events"."sequence" THEN COALESCE(excluded."${column}", "calendar_events"."${column}") ELSE "calendar_events"."${column}" END`;
        await manager.query(
          `INSERT INTO "calendar_events" (${COLUMNS.map((column) => `"${column}"`).join(', ')}) VALUES ${values.join(', ')}
           ON CONFLICT ("uid") DO UPDATE SET
             ${['contentHash', 'lastModified', 'removedAt'].map(taken).join(', ')},
             ${['sessionId', 'conferenceId', 'conferenceEndDate', 'shown'].map(filled).join(', ')},
             "sequence" = CASE WHEN ${newer} THEN excluded."sequence" ELSE "calendar_events"."sequence" END`,
          parameters,
        );
      }
    });
  }
}

const COLUMNS = ['uid', 'sequence', 'contentHash', 'lastModified', 'sessionId', 'conferenceId', 'conferenceEndDate', 'removedAt', 'shown'];
const DAY = 24 * 60 * 60 * 1000;

/**
 * What the ledger keeps of an event to show it cancelled once it is gone: the published session
 * and its conference, from which the entry is made again. Rows written before it was kept so hold
 * the calendar entry itself, which only the whole programme's feed keeps (it cannot tell a track).
 */
interface KeptEvent {
  kept: 2;
  conference: PublishedConference;
  session: PublishedSession;
}

function shownOf(session: CalendarSession): string {
  if (!session.source) return JSON.stringify(session);
  const kept: KeptEvent = { kept: 2, conference: session.conference, session: session.source };
  return JSON.stringify(kept);
}

const KEPT_PREFIX = '{"kept":2,';

/**
 * A row of the ledger as a build reads it: `kept` tells what it keeps to show the event cancelled
 * (nothing; the calendar entry itself, from before the published session was kept; the published
 * session), and `shown` holds it only when this build wrote or read it.
 */
interface Known extends Omit<CalendarEvent, 'shown'> {
  kept: 'none' | 'entry' | 'published';
  shown?: string | null;
}

/**
 * A hash of everything a calendar can show of a session, in every locale it can be rendered in:
 * texts, times, status, format, room, track (and its colour), conference, line-up, stream. Not
 * its revision or timestamps, which the ledger gives. It is the SHA-256 of a canonical JSON
 * form (every object's keys in sorted order, nothing undefined), so the live programme and a
 * release snapshot of the same content hash alike; the objects are built with their keys in that
 * order rather than sorted for each event, since every feed build hashes every event. The form
 * must never change: a new hash for the same content would raise every event's SEQUENCE.
 */
/** The last stamped copy of each entry, with the ledger row it was stamped from: a row kept unchanged gives the same copy. */
const stampedCopies = new WeakMap<CalendarSession, { row: Known; stamped: CalendarSession }>();

function stampedWith(session: CalendarSession, row: Known, contentHash: string): CalendarSession {
  const last = stampedCopies.get(session);
  if (last?.row === row) return last.stamped;
  const stamped = { ...session, revision: row.sequence, updatedAt: row.lastModified, contentHash };
  stampedCopies.set(session, { row, stamped });
  return stamped;
}

const contentHashes = new WeakMap<CalendarSession, string>();

/** What a calendar shows of a session, hashed, once per entry object (see `keptCalendarSession`). */
export function calendarContentHash(session: CalendarSession): string {
  let hash = contentHashes.get(session);
  if (hash === undefined) contentHashes.set(session, (hash = contentHashOf(session)));
  return hash;
}

function contentHashOf(session: CalendarSession): string {
  const { conference, room, track } = session;
  const shown = {
    abstract: sortedKeys(session.abstract),
    conference: {
      city: conference.city,
      defaultLocale: conference.defaultLocale,
      name: conference.name,
      timeZone: conference.timeZone,
      venue: conference.venue,
      websiteUrl: conference.websiteUrl,
    },
    endsAt: session.endsAt?.toISOString() ?? null,
    format: session.format,
    lineUp: session.lineUp.map(({ organisation, role, speakerName, title }) => ({ organisation, role, speakerName, title })),
    room: room && { name: room.name, streamUrl: room.streamUrl },
    startsAt: session.startsAt?.toISOString() ?? null,
    status: session.status,
    streamUrl: session.streamUrl,
    title: sortedKeys(session.title),
    track: track && { color: track.color ?? null, name: track.name },
  };
  return createHash('sha256').update(JSON.stringify(shown)).digest('hex');
}

function sortedKeys(text: Record<string, string>): Record<string, string> {
  const sorted: Record<string, string> = {};
  for (const key of Object.keys(text).sort()) sorted[key] = text[key];
  return sorted;
}
