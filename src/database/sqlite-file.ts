import { closeSync, fsyncSync, openSync, rmSync } from 'node:fs';
import { dirname } from 'node:path';
import sqlite3 from 'sqlite3';
import { SQLITE_BUSY_TIMEOUT_MS } from './sqlite-durability';

/**
 * A connection of its own to a SQLite file, beside the server's: for backups, restores and
 * copies, which must not go through the application's single TypeORM connection.
 */
export class SqliteFile {
  private constructor(
    readonly path: string,
    readonly database: sqlite3.Database,
  ) {}

  /** Opens an existing file (never creates one by mistake), or a new one with `create`. */
  static async open(path: string, options: { create?: boolean; readOnly?: boolean } = {}): Promise<SqliteFile> {
    const mode = options.readOnly ? sqlite3.OPEN_READONLY : sqlite3.OPEN_READWRITE | (options.create ? sqlite3.OPEN_CREATE : 0);
    const database = await new Promise<sqlite3.Database>((resolve, reject) => {
      const opened: sqlite3.Database = new sqlite3.Database(path, mode, (error) => (error ? reject(error) : resolve(opened)));
    });
    const file = new SqliteFile(path, database);
    await file.all(`PRAGMA busy_timeout = ${SQLITE_BUSY_TIMEOUT_MS}`);
    return file;
  }

  all<T = Record<string, unknown>>(sql: string, parameters: unknown[] = []): Promise<T[]> {
    return new Promise((resolve, reject) =>
      this.database.all(sql, parameters, (error, rows) => (error ? reject(error) : resolve(rows as T[]))),
    );
  }

  close(): Promise<void> {
    return new Promise((resolve, reject) => this.database.close((error) => (error ? reject(error) : resolve())));
  }
}

/** Flushes a file, and the directory entry naming it, to disk. */
export function syncToDisk(path: string): void {
  for (const target of [path, dirname(path)]) {
    const descriptor = openSync(target, 'r');
    try {
      fsyncSync(descriptor);
    } finally {
      closeSync(descriptor);
    }
  }
}

/** The journal files SQLite keeps beside a database in WAL mode. */
export function removeJournalFiles(path: string): void {
  for (const suffix of ['-wal', '-shm', '-journal']) rmSync(path + suffix, { force: true });
}
