import { Command, CommandRunner, Help } from 'nest-commander';
import { DataSource } from 'typeorm';
import { examples } from './usage';

/** Migrations run whenever Lectern starts; this runs them alone and says where the schema stands. */
@Command({ name: 'db:migrate', description: 'Bring the database schema up to date (every start does it too)' })
export class DbMigrateCommand extends CommandRunner {
  constructor(private readonly dataSource: DataSource) {
    super();
  }

  async run(): Promise<void> {
    await this.dataSource.runMigrations({ transaction: 'each' });
    const applied: { name: string }[] = await this.dataSource.query('SELECT "name" FROM "migrations" ORDER BY "id"');
    console.log(`Schema up to date (${this.dataSource.options.type}): ${applied.map((m) => m.name).join(', ')}`);
  }

  @Help('after')
  examples(): string {
    return examples('npm run cli -- db:migrate', 'DATABASE_URL=postgres://lectern@127.0.0.1/lectern npm run cli -- db:migrate');
  }
}
