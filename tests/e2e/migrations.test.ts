import { DataSource } from 'typeorm';
import { migrations } from '../../migrations';
import { ConferenceLocales1700000000020 } from '../../migrations/1700000000020-conference-locales';
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

  it('give a conference stored before it kept its languages its default language', async () => {
    const { createConference } = await lectern.ok(
      `mutation { createConference(input: { slug: "sprak-2019", name: "Språk 2019", startDate: "2019-05-06", endDate: "2019-05-06",
        timeZone: "Europe/Stockholm", defaultLocale: "sv", locales: ["sv", "en"] }) { id } }`,
      {},
      { as: 'organiser' },
    );
    const runner = lectern.app.get(DataSource).createQueryRunner();
    try {
      const migration = new ConferenceLocales1700000000020();
      await migration.down(runner);
      await migration.up(runner);
    } finally {
      await runner.release();
    }
    const { conference } = await lectern.ok('{ conference(slug: "sprak-2019") { id locales } }', {}, { as: 'organiser' });
    expect(conference).toEqual({ id: createConference.id, locales: ['sv'] });
  });
});
