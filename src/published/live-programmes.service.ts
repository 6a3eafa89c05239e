import { isDeepStrictEqual } from 'node:util';
import { Injectable, OnModuleInit, Optional } from '@nestjs/common';
import { DataSource, EntitySubscriberInterface, TransactionCommitEvent } from 'typeorm';
import { Conference } from '../conferences/conference.entity';
import { changedScopes, PROGRAMME } from '../database/transactions';
import { ProgrammeChange, ProgrammeEvents } from '../events/programme-events';
import { ProgrammeGeneration } from '../live/programme-generation';
import { isPublicConference } from './public-rule';
import {
  inTimeOrder,
  publishedConference,
  PublishedConference,
  PublishedProgramme,
  PublishedSession,
  readLiveProgrammes,
} from './published-programme';

/** Beyond this many changed sessions the whole programme is read again (and the statement stays under SQLite's parameter limit). */
const MAX_SESSIONS_READ_AGAIN = 200;

/** The changes that concern one session only, and say which. */
const SESSION_CHANGES = new Set<ProgrammeChange['kind']>([
  'SESSION_CREATED',
  'SESSION_UPDATED',
  'SESSION_MOVED',
  'SESSION_RETITLED',
  'SESSION_CANCELLED',
  'SESSION_DELETED',
]);

/** One conference's live programme as last read, and what has changed in it since. */
interface Kept {
  /** The conference as read with the sessions: the same object while it is the same, so what is made of it can be kept with it. */
  conference: PublishedConference;
  sessions: Map<number, PublishedSession>;
  /** The sessions to read again, each with the count of changes when it was last changed. */
  stale: Map<number, number>;
  /** The count of changes when all of it was last changed (to be read again); 0 when it has been read since. */
  wholeStaleAt: number;
}

/**
 * The live published programme of each conference, kept and brought up to date session by
 * session: a change recorded for one session reads that session again (two small statements),
 * and any other change of a conference (itself, a room, a track, a speaker, a release, or a write
 * that says nothing of what it changes) reads its whole programme again. A read is only ever
 * taken for what it read when nothing it read changed while it ran.
 *
 * Only changes committed by this instance are known session by session, so with several
 * instances (REDIS_URL) every read is a whole one, as without this.
 */
@Injectable()
export class LiveProgrammes implements OnModuleInit, EntitySubscriberInterface {
  private readonly kept = new Map<number, Kept>();
  private changes = 0;

  constructor(
    private readonly dataSource: DataSource,
    private readonly events: ProgrammeEvents,
    @Optional() private readonly shared?: ProgrammeGeneration,
  ) {}

  onModuleInit(): void {
    this.dataSource.subscribers.push(this);
  }

  afterTransactionCommit(event: TransactionCommitEvent): void {
    const recorded = this.events.recordedIn(event.queryRunner);
    const scopes = changedScopes(event.queryRunner, recorded);
    if (scopes.length === 0) return;
    const count = ++this.changes;
    if (scopes.includes(PROGRAMME)) {
      this.kept.clear();
      return;
    }
    const bySession = new Map<number, number[]>();
    const whole = new Set<number>();
    for (const scope of scopes) if (scope.startsWith('conference:')) whole.add(Number(scope.slice('conference:'.length)));
    for (const change of recorded) {
      if (!SESSION_CHANGES.has(change.kind) || change.sessionId === undefined) continue;
      bySession.set(change.conferenceId, [...(bySession.get(change.conferenceId) ?? []), change.sessionId]);
    }
    for (const conferenceId of whole) {
      const kept = this.kept.get(conferenceId);
      if (!kept) continue;
      const sessions = bySession.get(conferenceId);
      // A conference changed otherwise than session by session, in this write, is read again whole.
      const onlySessions = sessions && recorded.every((change) => change.conferenceId !== conferenceId || SESSION_CHANGES.has(change.kind));
      if (onlySessions && kept.stale.size + sessions.length <= MAX_SESSIONS_READ_AGAIN) {
        for (const id of sessions) kept.stale.set(id, count);
      } else {
        kept.wholeStaleAt = count;
      }
    }
  }

  /** What the public sees of these conferences now, as `readLiveProgrammes` reads it. */
  async read(conferences: readonly Conference[]): Promise<Map<number, PublishedProgramme>> {
    if (this.shared?.shared) return readLiveProgrammes(this.dataSource.manager, conferences);
    const programmes = new Map<number, PublishedProgramme>();
    await Promise.all(conferences.map(async (conference) => programmes.set(conference.id, await this.readOne(conference))));
    return programmes;
  }

  private async readOne(conference: Conference): Promise<PublishedProgramme> {
    if (!isPublicConference(conference)) return { conference: publishedConference(conference), sessions: [] };
    const startedAt = this.changes;
    const kept = this.kept.get(conference.id);
    if (!kept || kept.wholeStaleAt > 0) {
      const programme = (await readLiveProgrammes(this.dataSource.manager, [conference])).get(conference.id)!;
      const current = this.kept.get(conference.id);
      // Kept only if no change was committed while it ran: one could have come before or after its statements.
      if (this.changes === startedAt && current === kept)
        this.kept.set(conference.id, {
          conference: programme.conference,
          sessions: new Map(programme.sessions.map((session) => [session.id, session])),
          stale: new Map(),
          wholeStaleAt: 0,
        });
      return programme;
    }
    if (kept.stale.size > 0) {
      const stale = [...kept.stale];
      const ids = stale.map(([id]) => id);
      const read = (await readLiveProgrammes(this.dataSource.manager, [conference], ids)).get(conference.id)!;
      // Changed again while it ran (or all of it did): read again next time, and this time as read.
      if (kept.wholeStaleAt === 0 && this.kept.get(conference.id) === kept) {
        const found = new Map(read.sessions.map((session) => [session.id, session]));
        for (const [id, changedAt] of stale) {
          const session = found.get(id);
          if (session) kept.sessions.set(id, session);
          else kept.sessions.delete(id);
          if (kept.stale.get(id) === changedAt && changedAt <= startedAt) kept.stale.delete(id);
        }
      } else {
        return (await readLiveProgrammes(this.dataSource.manager, [conference])).get(conference.id)!;
      }
    }
    const published = publishedConference(conference);
    if (!isDeepStrictEqual(published, kept.conference)) kept.conference = published;
    return { conference: kept.conference, sessions: [...kept.sessions.values()].sort(inTimeOrder) };
  }
}
