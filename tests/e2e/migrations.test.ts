import { DataSource } from 'typeorm';
import { migrations } from '../../migrations';
import { Lectern, startLectern } from '../support/lectern';

describe('migrations', () => {
  let lectern: Lectern;
  beforeAll(async () => {
    lectern = await startLectern();
  });
  afterAll(() => lectern.close());

  it('run at start and create exactly the schema the entities describe', async () => {
    const dataSource = lectern.app.get(DataSource);
    const applied: { name: string }[] = await dataSource.query('SELECT "name" FROM "migrations"');
    expect(applied.map((m) => m.name)).toEqual(migrations.map((migration) => new migration().name));

    // What TypeORM would still have to change to make the database match the entities: nothing.
    const pending = await dataSource.driver.createSchemaBuilder().log();
    expect(pending.upQueries.map((q) => q.query)).toEqual([]);
  });

  it('can be undone and redone', async () => {
    const dataSource = lectern.app.get(DataSource);
    await dataSource.undoLastMigration();
    expect(await dataSource.showMigrations()).toBe(true);
    await dataSource.runMigrations();
    expect(await dataSource.showMigrations()).toBe(false);
    expect((await dataSource.driver.createSchemaBuilder().log()).upQueries).toEqual([]);
  });
});
