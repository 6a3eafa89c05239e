import { Injectable, Logger, OnModuleInit } from '@nestjs/common';
import {
  DataSource,
  EntityManager,
  EntitySubscriberInterface,
  QueryRunner,
  TransactionCommitEvent,
  TransactionRollbackEvent,
  TransactionStartEvent,
} from 'typeorm';

export type ProgrammeChangeKind =
  | 'SESSION_CREATED'
  /** Published or withdrawn, texts, links, speakers: anything but the kinds below. */
  | 'SESSION_UPDATED'
  /** Its time or room changed. */
  | 'SESSION_MOVED'
  | 'SESSION_RETITLED'
  | 'SESSION_CANCELLED'
  | 'SESSION_DELETED'
  /** The person changed (name, bio, photo); one change per conference they take part in. */
  | 'SPEAKER_CHANGED'
  /** The conference itself, a room or a track. */
  | 'CONFERENCE_CHANGED'
  | 'RELEASE_PUBLISHED';

export interface ProgrammeChange {
  kind: ProgrammeChangeKind;
  conferenceId: number;
  sessionId?: number;
  speakerId?: number;
  /** The release, for RELEASE_PUBLISHED. */
  version?: number;
  /** What a listener may want to show without reading the programme again, e.g. a move's old and new time. */
  details?: Record<string, unknown>;
  at: Date;
}

export type ProgrammeListener = (changes: readonly ProgrammeChange[]) => void | Promise<void>;

/**
 * What changed in the programme, told after the transaction that changed it commits, and never
 * if it rolls back. Services record changes inside their transaction; listeners (live
 * subscriptions, webhooks) hear them once the change is visible to every reader.
 */
@Injectable()
export class ProgrammeEvents implements OnModuleInit, EntitySubscriberInterface {
  private readonly logger = new Logger(ProgrammeEvents.name);
  private readonly pending = new WeakMap<QueryRunner, ProgrammeChange[]>();
  /** What the last transaction on a runner committed, until the next one starts (see `recordedIn`). */
  private readonly committed = new WeakMap<QueryRunner, ProgrammeChange[]>();
  private readonly listeners = new Set<ProgrammeListener>();

  constructor(private readonly dataSource: DataSource) {}

  onModuleInit(): void {
    this.dataSource.subscribers.push(this);
  }

  record(manager: EntityManager, change: Omit<ProgrammeChange, 'at'>): void {
    const runner = manager.queryRunner;
    if (!runner?.isTransactionActive) throw new Error('Programme changes are recorded inside the transaction that makes them');
    const changes = this.pending.get(runner) ?? [];
    changes.push({ ...change, at: new Date() });
    this.pending.set(runner, changes);
  }

  /** Returns a function that stops listening. */
  listen(listener: ProgrammeListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /**
   * The changes recorded in the transaction on this runner, while it runs or once it has
   * committed (until the next starts), for other subscribers of the same commit, whichever of
   * them TypeORM calls first.
   */
  recordedIn(runner: QueryRunner | undefined): readonly ProgrammeChange[] {
    if (!runner) return [];
    return this.pending.get(runner) ?? this.committed.get(runner) ?? [];
  }

  beforeTransactionStart(event: TransactionStartEvent): void {
    this.committed.delete(event.queryRunner);
  }

  afterTransactionCommit(event: TransactionCommitEvent): void {
    const changes = this.pending.get(event.queryRunner);
    this.pending.delete(event.queryRunner);
    if (changes) this.committed.set(event.queryRunner, changes);
    if (!changes?.length) return;
    for (const listener of this.listeners) {
      // A listener's failure is its own: the change is committed and the other listeners still hear it.
      Promise.resolve()
        .then(() => listener(changes))
        .catch((error: unknown) =>
          this.logger.error(`A listener of programme changes failed: ${error instanceof Error ? error.stack : String(error)}`),
        );
    }
  }

  afterTransactionRollback(event: TransactionRollbackEvent): void {
    this.pending.delete(event.queryRunner);
  }
}
