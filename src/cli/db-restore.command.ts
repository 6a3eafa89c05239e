import { resolve } from 'node:path';
import { Inject } from '@nestjs/common';
import { Command, CommandRunner, Help, Option } from 'nest-commander';
import { DataSource } from 'typeorm';
import { APP_CONFIG, AppConfig } from '../config/configuration';
import { SqliteBackup } from '../database/sqlite-backup';
import { ProgressBar } from './progress-bar';
import { examples } from './usage';

interface RestoreOptions {
  from?: string;
  to?: string;
}

/** Stop the server first: a restore replaces the file under it, so it refuses a file in use. */
@Command({
  name: 'db:restore',
  description: 'Put a backup in place of the SQLite database (stop Lectern first)',
})
export class DbRestoreCommand extends CommandRunner {
  constructor(
    private readonly backups: SqliteBackup,
    private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    super();
  }

  async run(_: string[], options: RestoreOptions): Promise<void> {
    if (!options.from) throw new Error('Give --from: the backup file to restore.');
    if (!options.to && this.config.databaseUrl) {
      throw new Error(
        'Lectern runs on PostgreSQL here (DATABASE_URL is set): restore it with pg_restore. db:restore writes a SQLite database.',
      );
    }
    const target = resolve(options.to ?? this.config.sqlitePath);
    // This command's own connection must not be the one that makes the file look in use.
    if (
      this.dataSource.options.type === 'sqlite' &&
      resolve(String(this.dataSource.options.database)) === target &&
      this.dataSource.isInitialized
    ) {
      await this.dataSource.destroy();
    }
    const bar = new ProgressBar('pages');
    try {
      const { migrations } = await this.backups.restore(options.from, target, (copied, total) => bar.update(copied, total));
      bar.stop();
      console.log(`Restored ${options.from} to ${target} (schema at ${migrations.at(-1) ?? 'no migration'}); start Lectern on it again.`);
    } finally {
      bar.stop();
    }
  }

  @Option({ flags: '--from <file>', description: 'The backup to restore', required: true })
  parseFrom(value: string): string {
    return value;
  }

  @Option({ flags: '--to <file>', description: 'The database file to replace (default: SQLITE_PATH)' })
  parseTo(value: string): string {
    return value;
  }

  @Help('after')
  examples(): string {
    return examples(
      'npm run cli -- db:restore --from backups/lectern-2020-11-24.sqlite',
      'npm run cli -- db:restore --from backups/lectern.sqlite --to data/copy.sqlite',
    );
  }
}
