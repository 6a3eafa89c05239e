import { Args, ID, Resolver } from '@nestjs/graphql';
import { CurrentViewer } from '../../auth/current-viewer.decorator';
import { OrganiserMutation } from '../../auth/organiser-mutation.decorator';
import { Viewer } from '../../auth/viewer';
import { ColumnMappingInput, ImportReport, MissingSessions, SpeakerMatchInput } from './import-report.types';
import { ImportFormat } from './imported-programme';
import { ProgrammeImporter } from './programme-importer.service';

@Resolver()
export class ProgrammeImportResolver {
  constructor(private readonly importer: ProgrammeImporter) {}

  @OrganiserMutation(() => ImportReport, {
    description:
      'Imports a schedule document (as text, size-limited) into a conference you organise, in one transaction; a second import of the same document changes nothing. `dryRun` reports without writing.',
  })
  importProgramme(
    @Args('conferenceId', { type: () => ID, description: 'The conference to import into; you must organise it.' }) conferenceId: string,
    @Args('format', { type: () => ImportFormat, description: 'The format of the document.' }) format: ImportFormat,
    @Args('document', { description: 'The whole document as text (XML, JSON or CSV).' }) document: string,
    @Args('dryRun', { type: () => Boolean, defaultValue: false, description: 'Report what the import would do, and change nothing.' })
    dryRun: boolean,
    @Args('missing', {
      type: () => MissingSessions,
      defaultValue: MissingSessions.KEEP,
      description: 'What to do with sessions of earlier imports that the document no longer has.',
    })
    missing: MissingSessions,
    @Args('mapping', { type: () => [ColumnMappingInput], nullable: true, description: 'For CSV: which column holds which field.' })
    mapping: ColumnMappingInput[] | null,
    @Args('speakerMatches', {
      type: () => [SpeakerMatchInput],
      nullable: true,
      description: 'People of the document confirmed to be speakers Lectern has (remembered, so the next import needs no confirmation).',
    })
    speakerMatches: SpeakerMatchInput[] | null,
    @CurrentViewer() viewer: Viewer,
  ): Promise<ImportReport> {
    return this.importer.importDocument(conferenceId, format, document, viewer, {
      dryRun,
      missing,
      mapping: mapping ?? undefined,
      speakerMatches: speakerMatches ?? undefined,
    });
  }
}
