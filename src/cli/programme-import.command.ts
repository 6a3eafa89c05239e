import { readFileSync } from 'node:fs';
import { Command, CommandRunner, Help, Option } from 'nest-commander';
import { DataSource } from 'typeorm';
import { SYSTEM_ACTOR } from '../auth/viewer';
import { Conference } from '../conferences/conference.entity';
import { ImportFormat } from '../exchange/import/imported-programme';
import { ColumnMapping, parseMapping } from '../exchange/import/csv-parser';
import { guessFormat } from '../exchange/import/parse-programme';
import { MissingSessions, SpeakerMatch } from '../exchange/import/import-report.types';
import { ProgrammeImporter } from '../exchange/import/programme-importer.service';
import { ProgressBar } from './progress-bar';
import { examples } from './usage';

interface ImportOptions {
  conference: string;
  file: string;
  format?: ImportFormat;
  dryRun?: boolean;
  cancelMissing?: boolean;
  map?: ColumnMapping[];
  match?: SpeakerMatch[];
}

/** `--match <sourceId>=<speakerSlug>[,…]`: the slug after the last `=`, so a source id may hold one. */
export function parseSpeakerMatches(value: string): SpeakerMatch[] {
  return value
    .split(',')
    .map((pair) => pair.trim())
    .filter((pair) => pair !== '')
    .map((pair) => {
      const at = pair.lastIndexOf('=');
      const sourceId = pair.slice(0, at).trim();
      const speakerSlug = pair.slice(at + 1).trim();
      if (at < 0 || !sourceId || !speakerSlug) throw new Error(`--match takes <sourceId>=<speakerSlug>[,…]; "${pair}" is not one`);
      return { sourceId, speakerSlug };
    });
}

/** A schedule file into a conference, in one transaction, as the importProgramme mutation does it. */
@Command({
  name: 'programme:import',
  description: 'Import a schedule (frab/pretalx schedule.xml, schedule.json, schedule2, Sessionize JSON, CSV with --map) into a conference',
})
export class ProgrammeImportCommand extends CommandRunner {
  constructor(
    private readonly importer: ProgrammeImporter,
    private readonly dataSource: DataSource,
  ) {
    super();
  }

  async run(_: string[], options: ImportOptions): Promise<void> {
    const conference = await this.dataSource.getRepository(Conference).findOneBy({ slug: options.conference });
    if (!conference) throw new Error(`No conference "${options.conference}".`);
    const document = readFileSync(options.file, 'utf8');
    const format = options.format ?? guessFormat(options.file, document);
    const bar = new ProgressBar('sessions');
    const report = await this.importer.importDocument(conference.id, format, document, SYSTEM_ACTOR, {
      dryRun: options.dryRun,
      missing: options.cancelMissing ? MissingSessions.CANCEL : MissingSessions.KEEP,
      mapping: options.map,
      speakerMatches: options.match,
      progress: (done, total) => bar.update(done, total),
    });
    bar.stop();
    const counts = (c: typeof report.created) => `${c.sessions} sessions, ${c.speakers} speakers, ${c.rooms} rooms, ${c.tracks} tracks`;
    console.log(`${options.dryRun ? 'Dry run (nothing written)' : 'Imported'} ${format} into ${conference.slug}:`);
    console.log(`  created    ${counts(report.created)}`);
    console.log(`  updated    ${counts(report.updated)}`);
    console.log(`  unchanged  ${counts(report.unchanged)}`);
    for (const removed of report.removed) console.log(`  removed    ${removed.title} (${removed.cancelled ? 'cancelled' : 'kept'})`);
    for (const warning of report.warnings) console.log(`  warning    ${warning}`);
    for (const suggestion of report.suggestions) {
      console.log(
        `  maybe      ${suggestion.name} (${suggestion.sourceId}) is ${suggestion.speakerSlug}: --match ${suggestion.sourceId}=${suggestion.speakerSlug}`,
      );
    }
  }

  @Option({ flags: '--conference <slug>', description: 'The conference to import into', required: true })
  parseConference(value: string): string {
    return value;
  }

  @Option({ flags: '--file <path>', description: 'The schedule document', required: true })
  parseFile(value: string): string {
    return value;
  }

  @Option({ flags: '--format <format>', description: `One of ${Object.values(ImportFormat).join(', ')}; guessed from the file otherwise` })
  parseFormat(value: string): ImportFormat {
    const format = value.toUpperCase().replace(/[.-]/g, '_') as ImportFormat;
    if (!Object.values(ImportFormat).includes(format)) throw new Error(`--format takes one of ${Object.values(ImportFormat).join(', ')}`);
    return format;
  }

  @Option({
    flags: '--map <field=column,…>',
    description: 'For CSV: which column holds which field, e.g. title=Titel,start=Start,end=Slutt,room=Rom,speakers=Talere',
  })
  parseMap(value: string): ColumnMapping[] {
    return parseMapping(value);
  }

  @Option({
    flags: '--match <sourceId=speakerSlug,…>',
    description: "People of the file confirmed to be speakers Lectern has, as a dry run's suggestions name them",
  })
  parseMatch(value: string): SpeakerMatch[] {
    return parseSpeakerMatches(value);
  }

  @Option({ flags: '--dry-run', description: 'Report what would change, and write nothing' })
  parseDryRun(): boolean {
    return true;
  }

  @Option({
    flags: '--cancel-missing',
    description: 'Cancel sessions an earlier import brought that the file no longer has (default: keep)',
  })
  parseCancelMissing(): boolean {
    return true;
  }

  @Help('after')
  examples(): string {
    return examples(
      'npm run cli -- programme:import --conference internetdagarna-2020 --file schedule.xml --dry-run',
      'npm run cli -- programme:import --conference internetdagarna-2020 --file schedule.json --format SCHEDULE_JSON --cancel-missing',
      'npm run cli -- programme:import --conference internetdagarna-2020 --file programme.csv --map title=Titel,start=Start,end=Slutt,room=Rom,speakers=Talere',
      'npm run cli -- programme:import --conference internetdagarna-2020 --file schedule.json --match 4711=erik-sandstrom',
    );
  }
}
