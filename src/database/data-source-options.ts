import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { DataSourceOptions } from 'typeorm';
import { AppConfig } from '../config/configuration';
import { migrations } from '../../migrations';
import { SqlLogger } from './sql-logger';
import { durableSqlite3, SQLITE_BUSY_TIMEOUT_MS } from './sqlite-durability';

/**
 * The one place that decides the engine: PostgreSQL when DATABASE_URL is set, SQLite otherwise.
 * Migrations run at start; the schema is never synchronised from the entities.
 */
export function dataSourceOptions(config: AppConfig): DataSourceOptions {
  const common = {
    migrations,
    migrationsRun: true,
    synchronize: false,
    logger: new SqlLogger(config.logLevel === 'debug'),
    maxQueryExecutionTime: 1000,
  } as const;
  if (config.databaseUrl) {
    // TypeORM hands `poolSize` to pg's Pool as `max`.
    return { ...common, type: 'postgres', url: config.databaseUrl, poolSize: config.databasePoolSize };
  }
  if (config.sqlitePath !== ':memory:') mkdirSync(dirname(config.sqlitePath), { recursive: true });
  return {
    ...common,
    type: 'sqlite',
    database: config.sqlitePath,
    enableWAL: true,
    // A backup or a copy reading the file from another process may hold it for a moment.
    busyTimeout: SQLITE_BUSY_TIMEOUT_MS,
    driver: durableSqlite3(),
  };
}
