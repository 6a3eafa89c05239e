import { Logger as NestLogger } from '@nestjs/common';
import { Logger, QueryRunner } from 'typeorm';
import { requestContext } from '../logging/request-context';

/** How many requests' counts `countPerRequest` keeps, newest last. */
const COUNTED_REQUESTS = 1000;

/**
 * Routes TypeORM's output through Nest's logger and counts the statements it sends, so tests and
 * the benchmark can prove that a query's cost does not grow with its page size.
 */
export class SqlLogger implements Logger {
  static statements = 0;
  /**
   * Also count per request, by its id (X-Request-Id when given): what background work sends
   * meanwhile (webhook polling, bookkeeping) is then not counted against the request. Off unless
   * a test turns it on.
   */
  static countPerRequest = false;
  private static readonly byRequest = new Map<string, number>();
  private readonly logger = new NestLogger('SQL');

  constructor(private readonly verbose: boolean) {}

  /** The statements sent on behalf of the request with this id, while countPerRequest was on. */
  static statementsOf(requestId: string): number {
    return SqlLogger.byRequest.get(requestId) ?? 0;
  }

  private static countFor(requestId: string): void {
    const count = SqlLogger.byRequest.get(requestId) ?? 0;
    SqlLogger.byRequest.delete(requestId);
    SqlLogger.byRequest.set(requestId, count + 1);
    if (SqlLogger.byRequest.size > COUNTED_REQUESTS) SqlLogger.byRequest.delete(SqlLogger.byRequest.keys().next().value!);
  }

  logQuery(query: string, parameters?: unknown[], _runner?: QueryRunner) {
    SqlLogger.statements++;
    const request = SqlLogger.countPerRequest ? requestContext.getStore() : undefined;
    if (request) SqlLogger.countFor(request.reqId);
    if (this.verbose) this.logger.debug(`${query} ${parameters?.length ? JSON.stringify(parameters) : ''}`);
  }
  logQueryError(error: string | Error, query: string) {
    this.logger.warn(`${error instanceof Error ? error.message : error} in: ${query}`);
  }
  logQuerySlow(time: number, query: string) {
    this.logger.warn(`slow query (${time} ms): ${query}`);
  }
  logSchemaBuild(message: string) {
    if (this.verbose) this.logger.debug(message);
  }
  logMigration(message: string) {
    this.logger.log(message);
  }
  log(level: 'log' | 'info' | 'warn', message: unknown) {
    if (level === 'warn') this.logger.warn(String(message));
    else if (this.verbose) this.logger.log(String(message));
  }
}
