import sqlite3 from 'sqlite3';

/** How long a connection waits for another one (the server, a backup) to let go of the file. */
export const SQLITE_BUSY_TIMEOUT_MS = 5000;

/**
 * `synchronous = FULL`: every commit waits until its WAL frames are on disk, so an answered
 * mutation survives a process crash and a power loss alike. NORMAL would be enough for a process
 * crash (the WAL is in the operating system's cache) but may lose the last commits when the
 * machine loses power. Programme writes are organiser edits, a few a second at most, and FULL
 * costs them under a millisecond each here; readers do not pay at all.
 */
export const SQLITE_SYNCHRONOUS = 'FULL';

type OpenCallback = (error: Error | null) => void;

/**
 * The `sqlite3` module with a Database that sets `synchronous` before anyone uses the
 * connection. TypeORM sets journal mode and busy timeout itself but has no option for this
 * pragma, and it is per connection, so it must be set on every one TypeORM opens.
 */
export function durableSqlite3(): typeof sqlite3 {
  function DurableDatabase(filename: string, modeOrCallback?: number | OpenCallback, callback?: OpenCallback): sqlite3.Database {
    const mode = typeof modeOrCallback === 'number' ? modeOrCallback : sqlite3.OPEN_READWRITE | sqlite3.OPEN_CREATE;
    const opened = typeof modeOrCallback === 'function' ? modeOrCallback : callback;
    const database: sqlite3.Database = new sqlite3.Database(filename, mode, (error) => {
      if (error) return opened?.(error);
      database.run(`PRAGMA synchronous = ${SQLITE_SYNCHRONOUS}`, (pragmaError: Error | null) => opened?.(pragmaError));
    });
    return database;
  }
  const durable: typeof sqlite3 = Object.assign(Object.create(sqlite3) as typeof sqlite3, {
    Database: DurableDatabase,
    // TypeORM calls verbose() and keeps what it returns: sqlite3's own returns the plain module
    // (so this Database would never be used) and wraps every statement to capture a stack trace,
    // a seventh of a GraphQL page's CPU in the benchmark. Errors still carry SQLite's message.
    verbose: () => durable,
  });
  return durable;
}
