import sqlite3 from 'sqlite3';

/** The `sqlite3` driver Lectern uses, opened on the same file, with promises. */
export interface Sqlite {
  all<T = Record<string, unknown>>(sql: string, parameters?: unknown[]): Promise<T[]>;
  close(): Promise<void>;
}

export function openSqlite(path: string): Promise<Sqlite> {
  return new Promise((resolve, reject) => {
    const db = new sqlite3.Database(path, (error) => {
      if (error) return reject(error);
      // As TypeORM configures it: wait for a writer rather than fail (Lectern may be committing).
      db.configure('busyTimeout', 5000);
      resolve({
        all: <T>(sql: string, parameters: unknown[] = []) =>
          new Promise<T[]>((done, fail) => db.all(sql, parameters, (err: Error | null, rows: T[]) => (err ? fail(err) : done(rows)))),
        close: () => new Promise<void>((done, fail) => db.close((err) => (err ? fail(err) : done()))),
      });
    });
  });
}
