import { Command, CommandRunner, Help, Option } from 'nest-commander';
import { DatabaseCopy } from '../database/database-copy';
import { rebuildSearchIndexes } from '../search/search-index';
import { ProgressBar } from './progress-bar';
import { examples } from './usage';

interface CopyOptions {
  from?: string;
  to?: string;
  force?: boolean;
}

/** For a conference that outgrows one file: the same programme, ids and all, on PostgreSQL. */
@Command({
  name: 'db:copy',
  description: 'Copy a programme database, ids and all, from SQLite to PostgreSQL',
})
export class DbCopyCommand extends CommandRunner {
  constructor(private readonly copy: DatabaseCopy) {
    super();
  }

  async run(_: string[], options: CopyOptions): Promise<void> {
    if (!options.from) throw new Error('Give --from: the SQLite database, as sqlite:path/to/lectern.sqlite or a plain path.');
    if (!options.to) throw new Error('Give --to: the PostgreSQL database, as postgres://user@host:5432/name.');
    const bar = new ProgressBar('rows');
    let current = '';
    try {
      const summary = await this.copy.sqliteToPostgres(options.from, options.to, {
        force: options.force,
        rebuild: rebuildSearchIndexes,
        progress: ({ table, tableCopied, tableRows, copied, total }) => {
          bar.update(copied, total, table);
          if (tableCopied === tableRows && table !== current) {
            current = table;
            bar.log(`  ${table}: ${tableRows} rows`);
          }
        },
      });
      bar.stop();
      const rows = summary.tables.reduce((sum, table) => sum + table.rows, 0);
      if (summary.skipped.length) console.log(`Left as the migrations made them: ${summary.skipped.join(', ')}.`);
      if (summary.engineSpecific.length) console.log(`Rebuilt from the copied rows: ${summary.engineSpecific.join(', ')}.`);
      console.log(
        `Copied ${rows} rows in ${summary.tables.length} tables to ${redacted(options.to)}. Set DATABASE_URL to it and start Lectern.`,
      );
    } finally {
      bar.stop();
    }
  }

  @Option({ flags: '--from <sqlite>', description: 'The SQLite database: sqlite:path/to/file.sqlite, or the path alone', required: true })
  parseFrom(value: string): string {
    return value.replace(/^sqlite:(\/\/(?=\/))?/, '');
  }

  @Option({ flags: '--to <postgres-url>', description: 'The PostgreSQL database: postgres://user:password@host:5432/name', required: true })
  parseTo(value: string): string {
    if (!/^postgres(ql)?:\/\//.test(value)) throw new Error('--to takes a postgres:// URL');
    return value;
  }

  @Option({ flags: '--force', description: 'Replace what the target database already holds' })
  parseForce(): boolean {
    return true;
  }

  @Help('after')
  examples(): string {
    return examples(
      'npm run cli -- db:copy --from sqlite:data/lectern.sqlite --to postgres://lectern:secret@db.example.org:5432/lectern',
      'npm run cli -- db:copy --from data/lectern.sqlite --to postgres://lectern@127.0.0.1/lectern --force',
    );
  }
}

/** The URL as a log may show it: without its password. */
function redacted(url: string): string {
  const parsed = new URL(url);
  if (parsed.password) parsed.password = '***';
  return parsed.toString();
}
