import { Logger as NestLogger } from '@nestjs/common';
import { Logger, QueryRunner } from 'typeorm';

/**
 * Routes TypeORM's output through Nest's logger and counts the statements it sends, so tests and
 * the benchmark can prove that a query's cost does not grow with its page size.
 */
export class SqlLogger implements Logger {
  static statements = 0;
  private readonly logger = new NestLogger('SQL');

  constructor(private readonly verbose: boolean) {}

  logQuery(query: string, parameters?: unknown[], _runner?: QueryRunner) {
    SqlLogger.statements++;
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
