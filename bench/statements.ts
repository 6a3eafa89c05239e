import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { DataSource } from 'typeorm';
import { SqlLogger } from '../src/database/sql-logger';

/** One SQL statement as TypeORM handed it to the `sqlite3` driver. */
export interface Statement {
  sql: string;
  parameters: unknown[];
}

export interface RecordedRequest {
  /** SqlLogger.statements before and after: the count the tests rely on. */
  count: number;
  statements: Statement[];
  status: number;
  body: string;
}

export interface InProcessRequest {
  method: 'GET' | 'POST';
  url: string;
  headers?: Record<string, string>;
  body?: string;
}

/**
 * Sends one request through the in-process app's full HTTP pipeline (Fastify's inject: no socket,
 * nothing exposed) and records the SQL it caused: the count from SqlLogger, as the tests read it,
 * and the statements themselves (with their parameters) from the same logger, so the limits can
 * replay exactly what Lectern sends.
 */
export async function recordRequest(app: NestFastifyApplication, request: InProcessRequest): Promise<RecordedRequest> {
  const logger = app.get(DataSource).logger;
  const statements: Statement[] = [];
  const logQuery = logger.logQuery;
  logger.logQuery = function (this: typeof logger, sql, parameters, runner) {
    statements.push({ sql, parameters: [...(parameters ?? [])] });
    return logQuery.call(this, sql, parameters, runner);
  };
  const before = SqlLogger.statements;
  try {
    const response = await app
      .getHttpAdapter()
      .getInstance()
      .inject({
        method: request.method,
        url: request.url,
        headers: { ...(request.body ? { 'content-type': 'application/json' } : {}), ...request.headers },
        payload: request.body,
      });
    return { count: SqlLogger.statements - before, statements, status: response.statusCode, body: response.body };
  } finally {
    logger.logQuery = logQuery;
  }
}

/** The recorded statement that reads `table` (its main FROM), for replaying it. */
export function statementReading(statements: Statement[], table: string): Statement {
  const statement = statements.find((s) => new RegExp(`FROM "${table}" "\\w+"`).test(s.sql));
  if (!statement) throw new Error(`no statement reads "${table}" among: ${statements.map((s) => s.sql.slice(0, 100)).join(' | ')}`);
  return statement;
}
