import { Inject } from '@nestjs/common';
import { Command, CommandRunner, Help, Option } from 'nest-commander';
import { APP_CONFIG, AppConfig } from '../config/configuration';
import { SqliteBackup } from '../database/sqlite-backup';
import { ProgressBar } from './progress-bar';
import { examples } from './usage';

interface BackupOptions {
  to?: string;
  from?: string;
}

/** Safe while the server runs: it keeps answering and writing during the copy. */
@Command({
  name: 'db:backup',
  description: 'Copy the SQLite database into one file; safe while Lectern runs',
})
export class DbBackupCommand extends CommandRunner {
  constructor(
    private readonly backups: SqliteBackup,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    super();
  }

  async run(_: string[], options: BackupOptions): Promise<void> {
    if (!options.to) throw new Error('Give --to: the file to write the backup to.');
    if (!options.from && this.config.databaseUrl) {
      throw new Error(
        'Lectern runs on PostgreSQL here (DATABASE_URL is set): back it up with pg_dump. db:backup copies a SQLite database.',
      );
    }
    const source = options.from ?? this.config.sqlitePath;
    const bar = new ProgressBar('pages');
    try {
      const { pages } = await this.backups.backup(source, options.to, (copied, total) => bar.update(copied, total));
      bar.stop();
      console.log(`Backed up ${source} to ${options.to} (${pages} pages).`);
    } finally {
      bar.stop();
    }
  }

  @Option({ flags: '--to <file>', description: 'Where to write the backup (replaced if it exists)', required: true })
  parseTo(value: string): string {
    return value;
  }

  @Option({ flags: '--from <file>', description: 'The database to back up (default: SQLITE_PATH)' })
  parseFrom(value: string): string {
    return value;
  }

  @Help('after')
  examples(): string {
    return examples(
      'npm run cli -- db:backup --to backups/lectern-2020-11-24.sqlite',
      'npm run cli -- db:backup --from data/other.sqlite --to backups/other.sqlite',
    );
  }
}
