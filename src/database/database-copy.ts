import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager, QueryRunner, Table } from 'typeorm';
import { migrations } from '../../migrations';
import { SqlLogger } from './sql-logger';
import { inspectLecternDatabase } from './sqlite-backup';
import { SqliteFile } from './sqlite-file';

/** Tables that belong to the schema rather than to the programme. */
const SCHEMA_TABLES = new Set(['migrations', 'typeorm_metadata']);
/** PostgreSQL takes at most 65,535 parameters a statement. */
const MAX_PARAMETERS = 30_000;
const MAX_ROWS_PER_BATCH = 500;

export interface CopyProgress {
  table: string;
  /** Rows of this table copied so far, and all of them. */
  tableCopied: number;
  tableRows: number;
  /** Rows of every table copied so far, and all of them. */
  copied: number;
  total: number;
}

export interface CopyOptions {
  /** Replace what an already used target holds. */
  force?: boolean;
  progress?: (progress: CopyProgress) => void;
  /**
   * Runs in the copy's transaction once the rows are in: rebuilds what each engine keeps in its
   * own form, e.g. search indexes (FTS5 on SQLite, tsvector on PostgreSQL), which are not copied.
   */
  rebuild?: (target: EntityManager) => Promise<void>;
}

export interface CopySummary {
  tables: { name: string; rows: number }[];
  /** Tables the target's migrations filled themselves, left as they made them. */
  skipped: string[];
  /** Tables each engine keeps in its own form (search indexes), left to `rebuild`. */
  engineSpecific: string[];
}

interface TablePlan {
  name: string;
  columns: string[];
  booleans: Set<string>;
  counters: string[];
  rows: number;
}

/**
 * Copies a programme database from SQLite to PostgreSQL: migrates the target with the same
 * migrations, then copies every table's rows, ids kept, parents before children, in one
 * transaction on the target (a failed copy leaves it as it was), from one read snapshot of the
 * source (a server may go on writing to it). The tables are read from the schema the migrations
 * built, so tables added by later migrations are copied without changes here.
 */
@Injectable()
export class DatabaseCopy {
  async sqliteToPostgres(sourcePath: string, targetUrl: string, options: CopyOptions = {}): Promise<CopySummary> {
    sourcePath = resolve(sourcePath);
    if (!existsSync(sourcePath)) throw new Error(`There is no SQLite database at ${sourcePath}.`);
    await requireCurrentSchema(sourcePath);
    const target = new DataSource({ type: 'postgres', url: targetUrl, migrations, logger: new SqlLogger(false) });
    try {
      await target.initialize();
    } catch (error) {
      throw new Error(`Cannot connect to the target PostgreSQL database: ${(error as Error).message}`, { cause: error });
    }
    const source = await SqliteFile.open(sourcePath, { readOnly: true });
    const runner = target.createQueryRunner();
    try {
      const fresh = !(await runner.hasTable('migrations')) || (await countRows(runner, 'migrations')) === 0;
      await target.runMigrations({ transaction: 'each' });
      const tables = await programmeTables(runner);
      const filled = await tablesWithRows(runner, tables);
      const skipped = fresh ? filled : [];
      if (!fresh && filled.length && !options.force) {
        throw new Error(
          `The target already holds data (${filled.join(', ')}). Give --force to replace it, or copy into an empty database.`,
        );
      }
      const engineSpecific = await tablesNotPlainIn(source, tables);
      const copied = tables.filter((table) => !skipped.includes(tableName(table)) && !engineSpecific.includes(tableName(table)));

      // One read transaction: every table comes from the same moment of the source.
      await source.all('BEGIN');
      try {
        const plans = await Promise.all(copied.map((table) => plan(source, table)));
        const total = plans.reduce((sum, table) => sum + table.rows, 0);
        await runner.startTransaction();
        try {
          if (!fresh && plans.length)
            await runner.query(`TRUNCATE ${plans.map((table) => quote(table.name)).join(', ')} RESTART IDENTITY CASCADE`);
          let done = 0;
          for (const table of plans) {
            done += await copyRows(source, runner, table, (tableCopied) =>
              options.progress?.({ table: table.name, tableCopied, tableRows: table.rows, copied: done + tableCopied, total }),
            );
            await continueCounters(runner, table);
          }
          await options.rebuild?.(runner.manager);
          await runner.commitTransaction();
        } catch (error) {
          await runner.rollbackTransaction();
          throw error;
        }
        return { tables: plans.map(({ name, rows }) => ({ name, rows })), skipped, engineSpecific };
      } finally {
        await source.all('ROLLBACK');
      }
    } finally {
      await runner.release();
      await source.close();
      await target.destroy();
    }
  }
}

/** The copy keeps the schema as it is; the two must be at the same migration. */
async function requireCurrentSchema(sourcePath: string): Promise<void> {
  const { migrations: applied } = await inspectLecternDatabase(sourcePath);
  const expected = migrations.map((migration) => new migration().name);
  if (applied.join() !== expected.join()) {
    throw new Error(
      `${sourcePath} is not at this Lectern's schema (${applied.at(-1) ?? 'no migration'}, not ${expected.at(-1)}): ` +
        'run db:migrate on it (SQLITE_PATH=… db:migrate) first.',
    );
  }
}

/** The target's tables as its migrations made them, parents before the tables that refer to them. */
async function programmeTables(runner: QueryRunner): Promise<Table[]> {
  const names: { table_name: string }[] = await runner.query(
    "SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema() AND table_type = 'BASE TABLE' ORDER BY table_name",
  );
  const tables = await runner.getTables(names.map((row) => row.table_name).filter((name) => !SCHEMA_TABLES.has(name)));
  return parentsFirst(tables);
}

function parentsFirst(tables: Table[]): Table[] {
  const byName = new Map(tables.map((table) => [tableName(table), table]));
  const ordered: Table[] = [];
  const placed = new Set<string>();
  const visiting = new Set<string>();
  const place = (table: Table) => {
    const name = tableName(table);
    if (placed.has(name)) return;
    if (visiting.has(name)) throw new Error(`The tables' foreign keys form a cycle through ${name}; copy it by hand.`);
    visiting.add(name);
    for (const key of table.foreignKeys) {
      const parent = byName.get(unqualified(key.referencedTableName));
      if (parent && parent !== table) place(parent);
    }
    visiting.delete(name);
    placed.add(name);
    ordered.push(table);
  };
  [...byName.keys()].sort().forEach((name) => place(byName.get(name)!));
  return ordered;
}

/**
 * Target tables the source has no plain table for: with both at the same migration, these are
 * the ones a migration makes differently per engine (an FTS5 virtual table on SQLite).
 */
async function tablesNotPlainIn(source: SqliteFile, tables: Table[]): Promise<string[]> {
  const plain = new Set(
    (
      await source.all<{ name: string }>("SELECT name FROM sqlite_master WHERE type = 'table' AND sql NOT LIKE 'CREATE VIRTUAL TABLE%'")
    ).map((row) => row.name),
  );
  return tables.map(tableName).filter((name) => !plain.has(name));
}

async function tablesWithRows(runner: QueryRunner, tables: Table[]): Promise<string[]> {
  const filled: string[] = [];
  for (const table of tables) if ((await countRows(runner, tableName(table))) > 0) filled.push(tableName(table));
  return filled;
}

async function countRows(runner: QueryRunner, table: string): Promise<number> {
  const [{ count }] = await runner.query(`SELECT COUNT(*) AS count FROM ${quote(table)}`);
  return Number(count);
}

async function plan(source: SqliteFile, table: Table): Promise<TablePlan> {
  const name = tableName(table);
  const sourceColumns = new Set((await source.all<{ name: string }>(`PRAGMA table_info(${quote(name)})`)).map((column) => column.name));
  if (!sourceColumns.size) throw new Error(`The source has no table ${name}, which the target's migrations made.`);
  const missing = table.columns.filter(
    (column) => !sourceColumns.has(column.name) && !column.isNullable && column.default === undefined && !column.isGenerated,
  );
  if (missing.length) throw new Error(`The source's ${name} has no ${missing.map((column) => column.name).join(', ')}.`);
  const columns = table.columns.map((column) => column.name).filter((column) => sourceColumns.has(column));
  const [{ count }] = await source.all<{ count: number }>(`SELECT COUNT(*) AS count FROM ${quote(name)}`);
  return {
    name,
    columns,
    // SQLite keeps booleans as 0 and 1.
    booleans: new Set(table.columns.filter((column) => column.type === 'boolean').map((column) => column.name)),
    counters: table.columns
      .filter((column) => column.isGenerated && ['increment', 'identity'].includes(column.generationStrategy ?? ''))
      .map((column) => column.name),
    rows: count,
  };
}

/** Copies in batches, in the source's row order; resolves with the rows copied. */
async function copyRows(
  source: SqliteFile,
  runner: QueryRunner,
  table: TablePlan,
  progress: (tableCopied: number) => void,
): Promise<number> {
  const batch = Math.max(1, Math.min(MAX_ROWS_PER_BATCH, Math.floor(MAX_PARAMETERS / table.columns.length)));
  const select = `SELECT rowid AS "lectern_rowid", ${table.columns.map(quote).join(', ')} FROM ${quote(table.name)} WHERE rowid > ? ORDER BY rowid LIMIT ${batch}`;
  let after = Number.MIN_SAFE_INTEGER;
  let copied = 0;
  progress(0);
  for (;;) {
    const rows = await source.all(select, [after]);
    if (!rows.length) break;
    const values: unknown[] = [];
    const tuples = rows.map((row) => {
      const placeholders = table.columns.map((column) => {
        const value = row[column];
        values.push(table.booleans.has(column) && value !== null ? Boolean(value) : value);
        return `$${values.length}`;
      });
      return `(${placeholders.join(', ')})`;
    });
    await runner.query(`INSERT INTO ${quote(table.name)} (${table.columns.map(quote).join(', ')}) VALUES ${tuples.join(', ')}`, values);
    after = rows[rows.length - 1].lectern_rowid as number;
    copied += rows.length;
    progress(copied);
  }
  return copied;
}

/** Ids were copied as they were: new rows must be numbered after them. */
async function continueCounters(runner: QueryRunner, table: TablePlan): Promise<void> {
  for (const column of table.counters) {
    await runner.query(
      `SELECT setval(sequence, COALESCE((SELECT MAX(${quote(column)}) FROM ${quote(table.name)}), 0) + 1, false)
         FROM (SELECT pg_get_serial_sequence($1, $2) AS sequence) AS counter WHERE sequence IS NOT NULL`,
      [quote(table.name), column],
    );
  }
}

function tableName(table: Table): string {
  return unqualified(table.name);
}

function unqualified(name: string): string {
  return name.slice(name.lastIndexOf('.') + 1);
}

function quote(identifier: string): string {
  return `"${identifier.replace(/"/g, '""')}"`;
}
