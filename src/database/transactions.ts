import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager, QueryRunner } from 'typeorm';

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
  async runBookkeeping<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    let runner: QueryRunner | undefined;
    try {
      return await this.run((manager) => {
        runner = manager.queryRunner;
        if (runner) runner.data = { ...runner.data, [BOOKKEEPING]: true };
        return work(manager);
      });
    } finally {
      // SQLite's driver reuses one query runner for every transaction: the mark must not outlive this one.
      if (runner) runner.data = { ...runner.data, [BOOKKEEPING]: false };
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

const BOOKKEEPING = 'lectern:bookkeeping';

export function isBookkeeping(runner: QueryRunner | undefined): boolean {
  return runner?.data?.[BOOKKEEPING] === true;
}
