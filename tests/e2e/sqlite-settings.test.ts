import { DataSource } from 'typeorm';
import { Lectern, startLectern } from '../support/lectern';

/** The SQLite settings crash safety rests on, as the server's own connection has them. */
(process.env.DATABASE_URL ? describe.skip : describe)('the SQLite connection', () => {
  let lectern: Lectern;
  beforeAll(async () => (lectern = await startLectern()));
  afterAll(() => lectern.close());

  it('writes ahead to a log and waits for the disk on every commit', async () => {
    const database = lectern.app.get(DataSource);
    expect(await database.query('PRAGMA journal_mode')).toEqual([{ journal_mode: 'wal' }]);
    // 2 = FULL: an answered mutation survives a process crash and a power loss.
    expect(await database.query('PRAGMA synchronous')).toEqual([{ synchronous: 2 }]);
    expect(await database.query('PRAGMA foreign_keys')).toEqual([{ foreign_keys: 1 }]);
  });
});
