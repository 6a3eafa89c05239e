import { Command, CommandRunner, Help, Option } from 'nest-commander';
import { SiteExport } from '../site/site-export.service';
import { ProgressBar } from './progress-bar';
import { examples } from './usage';

interface SiteExportOptions {
  conference: string;
  out: string;
  force?: boolean;
}

/** A published conference's site as static files with relative links; the rules are SiteExport's. */
@Command({
  name: 'site:export',
  description: "Write a published conference's pages, feeds and exports as static files with relative links",
})
export class SiteExportCommand extends CommandRunner {
  constructor(private readonly site: SiteExport) {
    super();
  }

  async run(_: string[], options: SiteExportOptions): Promise<void> {
    // On stderr: stdout keeps only the summary, for scripts.
    const bar = new ProgressBar('files', process.stderr);
    try {
      const summary = await this.site.export({
        conference: options.conference,
        out: options.out,
        force: options.force,
        progress: (done, total, file) => bar.update(done, total, file),
      });
      bar.stop();
      console.log(`Wrote ${summary.files} files (${megabytes(summary.bytes)}) to ${summary.folder}`);
    } finally {
      bar.stop();
    }
  }

  @Option({ flags: '--conference <slug>', description: 'The published conference to copy', required: true })
  parseConference(value: string): string {
    return value;
  }

  @Option({ flags: '--out <folder>', description: 'Where to write the copy: made when missing, refused when not empty', required: true })
  parseOut(value: string): string {
    return value;
  }

  @Option({ flags: '--force', description: 'Write into a folder that is not empty (over its files; nothing is deleted)' })
  parseForce(): boolean {
    return true;
  }

  @Help('after')
  examples(): string {
    return examples(
      'npm run cli -- site:export --conference internetdagarna-2020 --out site-copy',
      'npm run cli -- site:export --conference internetdagarna-2020 --out site-copy --force',
    );
  }
}

function megabytes(bytes: number): string {
  return bytes < 1024 * 1024 ? `${(bytes / 1024).toFixed(1)} kB` : `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}
