import { DataSource } from 'typeorm';
import { Lectern, startLectern } from '../support/lectern';
import { onPostgres } from '../support/environment';

/** The settings crash safety rests on, as the server's own connection has them, on either engine. */
describe('the database connection', () => {
  let lectern: Lectern;
  beforeAll(async () => (lectern = await startLectern({ DATABASE_POOL_SIZE: '3' })));
  afterAll(() => lectern.close());

  it('waits for the disk on every commit and checks foreign keys', async () => {
    const database = lectern.app.get(DataSource);
    if (onPostgres) {
      // An answered mutation survives a crash: commits wait for the write-ahead log on disk.
      expect(await database.query('SHOW synchronous_commit')).toEqual([{ synchronous_commit: 'on' }]);
      expect(await database.query('SHOW fsync')).toEqual([{ fsync: 'on' }]);
      expect((database.driver as unknown as { master: { options: { max: number } } }).master.options.max).toBe(3);
    } else {
      expect(await database.query('PRAGMA journal_mode')).toEqual([{ journal_mode: 'wal' }]);
      // 2 = FULL: an answered mutation survives a process crash and a power loss.
      expect(await database.query('PRAGMA synchronous')).toEqual([{ synchronous: 2 }]);
      expect(await database.query('PRAGMA foreign_keys')).toEqual([{ foreign_keys: 1 }]);
    }
  });
});
