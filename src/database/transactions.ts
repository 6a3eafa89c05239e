import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';

/**
 * One transaction per mutation. A caller that already holds a transaction (the demo loader, an
 * importer) passes its manager and the work joins it. TypeORM drives SQLite through a single
 * connection, on which two open transactions would collide, so on SQLite they take turns.
 */
@Injectable()
export class Transactions {
  private queue: Promise<unknown> = Promise.resolve();

  constructor(private readonly dataSource: DataSource) {}

  run<T>(work: (manager: EntityManager) => Promise<T>, within?: EntityManager): Promise<T> {
    if (within) return work(within);
    if (this.dataSource.options.type !== 'sqlite') return this.dataSource.transaction(work);
    const turn = this.queue.then(() => this.dataSource.transaction(work));
    this.queue = turn.catch(() => undefined);
    return turn;
  }
}
