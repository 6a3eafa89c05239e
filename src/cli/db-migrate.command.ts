import { Command, CommandRunner } from 'nest-commander';
import { DataSource } from 'typeorm';

/** Migrations run whenever Lectern starts; this runs them alone and says where the schema stands. */
@Command({ name: 'db:migrate', description: 'Bring the database schema up to date' })
export class DbMigrateCommand extends CommandRunner {
  constructor(private readonly dataSource: DataSource) {
    super();
  }

  async run(): Promise<void> {
    await this.dataSource.runMigrations({ transaction: 'each' });
    const applied: { name: string }[] = await this.dataSource.query('SELECT "name" FROM "migrations" ORDER BY "id"');
    console.log(`Schema up to date (${this.dataSource.options.type}): ${applied.map((m) => m.name).join(', ')}`);
  }
}
