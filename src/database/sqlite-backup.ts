import { existsSync, mkdirSync, renameSync, rmSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { Injectable } from '@nestjs/common';
import { migrations } from '../../migrations';
import { removeJournalFiles, SqliteFile, syncToDisk } from './sqlite-file';

/** Pages copied a step: 4 MB at SQLite's default page size, so progress moves and the source is read in short turns. */
const PAGES_PER_STEP = 1024;

export type PageProgress = (copiedPages: number, totalPages: number) => void;

/** The `sqlite3` package's handle on SQLite's online backup API (the package ships no types for it). */
interface BackupHandle {
  step(pages: number, callback: (error: Error | null) => void): void;
  finish(callback: (error: Error | null) => void): void;
  readonly remaining: number;
  readonly pageCount: number;
  readonly completed: boolean;
}

/**
 * Online backup and restore of the SQLite database through SQLite's backup API, which copies a
 * consistent picture page by page while the server goes on reading and writing (WAL mode lets
 * a reader and the writer work side by side). Results are written beside their destination
 * under a temporary name, flushed to disk and renamed into place, so a crash mid-way never
 * leaves half a file under the real name.
 */
@Injectable()
export class SqliteBackup {
  /** Copies the live database at `sourcePath` to `destinationPath`, a single self-contained file. */
  async backup(sourcePath: string, destinationPath: string, progress?: PageProgress): Promise<{ pages: number }> {
    sourcePath = resolve(sourcePath);
    destinationPath = resolve(destinationPath);
    if (!existsSync(sourcePath)) throw new Error(`There is no SQLite database at ${sourcePath}.`);
    if (sourcePath === destinationPath) throw new Error('The backup must go to another file than the database.');
    const source = await SqliteFile.open(sourcePath);
    try {
      return await writeAtomically(destinationPath, (partial) => copyPages(source, partial, progress));
    } finally {
      await source.close();
    }
  }

  /**
   * Puts a backup in place of the database at `targetPath`. Refuses a file that is not a whole
   * Lectern database, and a target some process (a running server) still has open.
   */
  async restore(backupPath: string, targetPath: string, progress?: PageProgress): Promise<LecternDatabaseSummary> {
    backupPath = resolve(backupPath);
    targetPath = resolve(targetPath);
    if (backupPath === targetPath) throw new Error('The backup and the database to restore are the same file.');
    const summary = await inspectLecternDatabase(backupPath);
    if (existsSync(targetPath)) await requireUnused(targetPath);
    const backup = await SqliteFile.open(backupPath, { readOnly: true });
    try {
      await writeAtomically(targetPath, (partial) => copyPages(backup, partial, progress));
    } finally {
      await backup.close();
    }
    return summary;
  }
}

export interface LecternDatabaseSummary {
  /** Migrations applied to it, oldest first. */
  migrations: string[];
}

/** Checks that the file is an intact Lectern database this version can run on. */
export async function inspectLecternDatabase(path: string): Promise<LecternDatabaseSummary> {
  if (!existsSync(path)) throw new Error(`There is no file at ${path}.`);
  let file: SqliteFile;
  try {
    // Read and write: FTS5's part of the integrity check writes scratch data.
    file = await SqliteFile.open(path);
  } catch (error) {
    throw new Error(`${path} cannot be opened as a SQLite database: ${(error as Error).message}`, { cause: error });
  }
  try {
    const integrity = await file
      .all<{ integrity_check: string }>('PRAGMA integrity_check')
      .catch((error: Error) => [{ integrity_check: error.message }]);
    if (integrity.length !== 1 || integrity[0].integrity_check !== 'ok') {
      throw new Error(
        `${path} is damaged: ${integrity
          .map((row) => row.integrity_check)
          .slice(0, 5)
          .join('; ')}`,
      );
    }
    const [table] = await file.all("SELECT name FROM sqlite_master WHERE type = 'table' AND name = 'migrations'");
    if (!table) throw new Error(`${path} is a SQLite database, but not a Lectern one (it has no migrations table).`);
    const applied = (await file.all<{ name: string }>('SELECT "name" FROM "migrations" ORDER BY "id"')).map((row) => row.name);
    const known = new Set(migrations.map((migration) => new migration().name));
    const unknown = applied.filter((name) => !known.has(name));
    if (unknown.length)
      throw new Error(`${path} was made by a newer Lectern (migrations ${unknown.join(', ')}); restore it with that version.`);
    return { migrations: applied };
  } finally {
    await file.close();
  }
}

/**
 * Leaving WAL mode needs the only connection to the file; a running server holds one for as long
 * as it runs. Taking it also folds the WAL into the file, so nothing is left beside it.
 */
async function requireUnused(path: string): Promise<void> {
  const file = await SqliteFile.open(path);
  try {
    await file.all('PRAGMA busy_timeout = 0');
    const [mode] = await file.all<{ journal_mode: string }>('PRAGMA journal_mode = DELETE');
    if (mode?.journal_mode !== 'delete') throw new Error('busy');
  } catch {
    throw new Error(`${path} is in use: stop Lectern (every process using this file) before restoring over it.`);
  } finally {
    await file.close();
  }
}

async function copyPages(source: SqliteFile, destinationPath: string, progress?: PageProgress): Promise<{ pages: number }> {
  const backup = (source.database as unknown as { backup(filename: string): BackupHandle }).backup(destinationPath);
  const step = (pages: number) =>
    new Promise<void>((resolve, reject) => backup.step(pages, (error) => (error ? reject(error) : resolve())));
  let pagesPerStep = PAGES_PER_STEP;
  let copiedBefore = 0;
  try {
    while (!backup.completed) {
      await step(pagesPerStep);
      const copied = backup.pageCount - backup.remaining;
      // A write by another connection between steps starts the copy over; a busy server could
      // do that forever, so the rest is copied in one step (one read snapshot, writers go on).
      if (copied < copiedBefore) pagesPerStep = -1;
      copiedBefore = copied;
      progress?.(copied, backup.pageCount);
    }
  } finally {
    await new Promise<void>((resolve) => backup.finish(() => resolve()));
  }
  const pages = backup.pageCount;
  // The copy carries the source's WAL flag; a backup is one file that needs nothing beside it.
  const copy = await SqliteFile.open(destinationPath);
  try {
    await copy.all('PRAGMA journal_mode = DELETE');
  } finally {
    await copy.close();
  }
  return { pages };
}

async function writeAtomically<T>(destinationPath: string, write: (partialPath: string) => Promise<T>): Promise<T> {
  mkdirSync(dirname(destinationPath), { recursive: true });
  const partial = join(dirname(destinationPath), `.${basename(destinationPath)}.${process.pid}.partial`);
  rmSync(partial, { force: true });
  removeJournalFiles(partial);
  try {
    const result = await write(partial);
    syncToDisk(partial);
    // A journal left beside the old file would be replayed into the new one.
    removeJournalFiles(destinationPath);
    renameSync(partial, destinationPath);
    syncToDisk(destinationPath);
    return result;
  } catch (error) {
    rmSync(partial, { force: true });
    removeJournalFiles(partial);
    throw error;
  }
}
