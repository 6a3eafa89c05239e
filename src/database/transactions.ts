import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager, QueryRunner } from 'typeorm';

/** Narrower things than the whole programme that a write may change alone; see `ChangeScope`. */
export type ChangeFamily = 'conference' | 'speaker' | 'agenda';

/**
 * What a committed transaction changed, for readers that keep copies of what they read (the feed
 * cache): `programme`, the whole programme and everything read from it (what a write changes
 * when it says nothing narrower), or single things within it: one conference (`conference:3`),
 * one person across conferences (`speaker:7`), one attendee's agenda (`agenda:12`). A change to
 * the programme is a change to every narrower scope too.
 */
export type ChangeScope = typeof PROGRAMME | `${ChangeFamily}:${number}`;
export const PROGRAMME = 'programme';

/** What a recorded programme change changes: its conference, and the person it is about. */
export interface RecordedChange {
  conferenceId: number;
  speakerId?: number;
}

/**
 * One transaction per mutation. A caller that already holds a transaction (the demo loader, an
 * importer) passes its manager and the work joins it. TypeORM drives SQLite through a single
 * connection, on which two open transactions would collide, so on SQLite they take turns.
 */
@Injectable()
export class Transactions {
  private queue: Promise<unknown> = Promise.resolve();

  constructor(private readonly dataSource: DataSource) {}

  /**
   * A write that changes no programme (when a token was last used): readers that follow the
   * programme's changes, such as the feed cache, may ignore it.
   */
  runBookkeeping<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.runChanging([], work);
  }

  /**
   * A write that changes only these scopes (none: bookkeeping), so readers that follow anything
   * else keep what they have. Unlike `run`, it never joins a caller's transaction: the mark is the
   * transaction's, and a caller's transaction may change more.
   */
  async runChanging<T>(scopes: readonly ChangeScope[], work: (manager: EntityManager) => Promise<T>): Promise<T> {
    let runner: QueryRunner | undefined;
    try {
      return await this.run((manager) => {
        runner = manager.queryRunner;
        markChanges(runner, scopes);
        return work(manager);
      });
    } finally {
      // SQLite's driver reuses one query runner for every transaction: the mark must not outlive this one.
      markChanges(runner, undefined);
    }
  }

  run<T>(work: (manager: EntityManager) => Promise<T>, within?: EntityManager): Promise<T> {
    if (within) return work(within);
    if (this.dataSource.options.type !== 'sqlite') return this.dataSource.transaction(work);
    const turn = this.queue.then(() => this.dataSource.transaction(work));
    this.queue = turn.catch(() => undefined);
    return turn;
  }
}

const CHANGES = 'lectern:changes';

/** Marks the transaction on this runner as changing only these scopes; undefined takes the mark off. */
export function markChanges(runner: QueryRunner | undefined, scopes: readonly ChangeScope[] | undefined): void {
  if (runner) runner.data = { ...runner.data, [CHANGES]: scopes };
}

/**
 * What the transaction on this runner changes: what `runChanging` marked; else the conferences
 * and people of the programme changes it recorded (every write to the programme records them,
 * for webhooks and live subscriptions); else, to be safe, the whole programme.
 */
export function changedScopes(runner: QueryRunner | undefined, recorded: readonly RecordedChange[]): readonly ChangeScope[] {
  const marked = runner?.data?.[CHANGES] as readonly ChangeScope[] | undefined;
  if (marked) return marked;
  if (recorded.length === 0) return [PROGRAMME];
  const scopes = new Set<ChangeScope>();
  for (const { conferenceId, speakerId } of recorded) {
    scopes.add(`conference:${conferenceId}`);
    if (speakerId !== undefined) scopes.add(`speaker:${speakerId}`);
  }
  return [...scopes];
}
