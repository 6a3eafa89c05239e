import { Field, InputType, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { ColumnMapping, ImportColumn } from './csv-parser';
import { ImportFormat } from './imported-programme';

registerEnumType(ImportFormat, {
  name: 'ImportFormat',
  description: "frab/pretalx schedule.xml, schedule.json v1, schedule2, Sessionize's All Data JSON, CSV with a column mapping.",
});

export enum MissingSessions {
  /** Sessions an earlier import brought that the document no longer has stay as they are. */
  KEEP = 'KEEP',
  /** They are cancelled (never deleted), so calendars that had them drop them. */
  CANCEL = 'CANCEL',
}
registerEnumType(MissingSessions, { name: 'MissingSessions' });

@ObjectType({ description: 'How many of each kind.' })
export class ImportCounts {
  @Field(() => Int) rooms = 0;
  @Field(() => Int) tracks = 0;
  @Field(() => Int) speakers = 0;
  @Field(() => Int) sessions = 0;
}

@ObjectType({ description: 'A session an earlier import brought that this document no longer has.' })
export class ImportRemovedSession {
  @Field({ description: "The source document's id for it." }) sourceKey: string;
  @Field() uid: string;
  @Field() title: string;
  @Field({ description: 'Whether it is cancelled now (else kept as it was).' }) cancelled: boolean;
}

@ObjectType({
  description:
    'An imported person who matched nobody (by source id or e-mail) but has the name of a speaker you may link: confirm it with `speakerMatches` to make them the same person.',
})
export class ImportSpeakerSuggestion {
  @Field({ description: "The source document's id for the person." }) sourceId: string;
  @Field({ description: 'Their name as the document gives it.' }) name: string;
  @Field({ description: 'The slug of the speaker of that name.' }) speakerSlug: string;
}

@ObjectType({ description: 'What an import did, or, in a dry run, would do.' })
export class ImportReport {
  @Field(() => ImportFormat) format: ImportFormat;
  @Field(() => ImportCounts) created = new ImportCounts();
  @Field(() => ImportCounts) updated = new ImportCounts();
  @Field(() => ImportCounts) unchanged = new ImportCounts();
  @Field(() => [ImportRemovedSession]) removed: ImportRemovedSession[] = [];
  @Field(() => [String], { description: 'Everything repaired or skipped, each with its place in the document.' }) warnings: string[] = [];
  @Field(() => [ImportSpeakerSuggestion], { description: 'People who may be speakers Lectern already has, for `speakerMatches`.' })
  suggestions: ImportSpeakerSuggestion[] = [];
}

/** A person the organiser confirms is a speaker Lectern has. */
export interface SpeakerMatch {
  sourceId: string;
  speakerSlug: string;
}

@InputType({ description: "The organiser's word that the document's person `sourceId` is the speaker `speakerSlug`." })
export class SpeakerMatchInput implements SpeakerMatch {
  @Field({ description: "The source document's id for the person (as a suggestion names it)." }) sourceId: string;
  @Field() speakerSlug: string;
}

registerEnumType(ImportColumn, { name: 'ImportColumn', description: 'What a CSV column holds.' });

@InputType({ description: 'Which column of a CSV header holds a field, e.g. `{ field: title, column: "Titel" }`.' })
export class ColumnMappingInput implements ColumnMapping {
  @Field(() => ImportColumn) field: ImportColumn;
  @Field({ description: "The column's name as the header row writes it." }) column: string;
}
