import { Args, ID, Resolver } from '@nestjs/graphql';
import { CurrentViewer } from '../../auth/current-viewer.decorator';
import { OrganiserMutation } from '../../auth/organiser-mutation.decorator';
import { Viewer } from '../../auth/viewer';
import { mutationInput, newInputArg, replacedArg } from '../../common/mutation-input';
import { ColumnMappingInput, ImportProgrammeInput, ImportReport, MissingSessions, SpeakerMatchInput } from './import-report.types';
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
    @Args('input', newInputArg(() => ImportProgrammeInput, 'The document, where to import it and how.')) input: ImportProgrammeInput | null,
    @Args('conferenceId', replacedArg('conferenceId', { type: () => ID, description: 'The conference to import into.' }))
    conferenceId: string | null,
    @Args('format', replacedArg('format', { type: () => ImportFormat, description: 'The format of the document.' }))
    format: ImportFormat | null,
    @Args('document', replacedArg('document', { type: () => String, description: 'The whole document as text.' })) document: string | null,
    @Args('dryRun', replacedArg('dryRun', { type: () => Boolean, description: 'Report and change nothing (default false).' }))
    dryRun: boolean | null,
    @Args('missing', replacedArg('missing', { type: () => MissingSessions, description: 'What to do with sessions gone (default KEEP).' }))
    missing: MissingSessions | null,
    @Args('mapping', replacedArg('mapping', { type: () => [ColumnMappingInput], description: 'For CSV: which column holds which field.' }))
    mapping: ColumnMappingInput[] | null,
    @Args(
      'speakerMatches',
      replacedArg('speakerMatches', { type: () => [SpeakerMatchInput], description: 'People confirmed to be speakers.' }),
    )
    speakerMatches: SpeakerMatchInput[] | null,
    @CurrentViewer() viewer: Viewer,
  ): Promise<ImportReport> {
    const given = mutationInput(input, { conferenceId, format, document, dryRun, missing, mapping, speakerMatches }, [
      'conferenceId',
      'format',
      'document',
    ]);
    return this.importer.importDocument(given.conferenceId, given.format, given.document, viewer, {
      dryRun: given.dryRun ?? false,
      missing: given.missing ?? MissingSessions.KEEP,
      mapping: given.mapping ?? undefined,
      speakerMatches: given.speakerMatches ?? undefined,
    });
  }
}
