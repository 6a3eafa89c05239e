import { Field, ID, InputType, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { ColumnMapping, ImportColumn } from './csv-parser';
import { ImportFormat } from './imported-programme';

registerEnumType(ImportFormat, {
  name: 'ImportFormat',
  description: "frab/pretalx schedule.xml, schedule.json v1, schedule2, Sessionize's All Data JSON, CSV with a column mapping.",
  valuesMap: {
    SCHEDULE_XML: { description: 'The frab/pretalx schedule XML (Pentabarf).' },
    SCHEDULE_JSON: { description: 'The c3voc schedule.json v1, as pretalx writes it.' },
    SCHEDULE2_JSON: { description: 'The c3voc schedule2 JSON (alpha-3).' },
    SESSIONIZE: { description: "Sessionize's All Data JSON export." },
    CSV: { description: 'CSV with a header row, read through `mapping`.' },
  },
});

export enum MissingSessions {
  /** Sessions an earlier import brought that the document no longer has stay as they are. */
  KEEP = 'KEEP',
  /** They are cancelled (never deleted), so calendars that had them drop them. */
  CANCEL = 'CANCEL',
}
registerEnumType(MissingSessions, {
  name: 'MissingSessions',
  description: 'What an import does with sessions an earlier import brought that the document no longer has.',
  valuesMap: {
    KEEP: { description: 'They stay as they are.' },
    CANCEL: { description: 'They are cancelled (never deleted), so calendars that had them drop them.' },
  },
});

@ObjectType({ description: 'How many of each kind.' })
export class ImportCounts {
  @Field(() => Int, { description: 'Rooms.' }) rooms = 0;
  @Field(() => Int, { description: 'Tracks.' }) tracks = 0;
  @Field(() => Int, { description: 'Speakers.' }) speakers = 0;
  @Field(() => Int, { description: 'Sessions.' }) sessions = 0;
}

@ObjectType({ description: 'A session an earlier import brought that this document no longer has.' })
export class ImportRemovedSession {
  @Field({ description: "The source document's id for it." }) sourceKey: string;
  @Field({ description: "The session's stable identifier (calendar UID)." }) uid: string;
  @Field({ description: "Its title in the conference's default language." }) title: string;
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
  @Field(() => ImportFormat, { description: 'The format the document was read as.' }) format: ImportFormat;
  @Field(() => ImportCounts, { description: 'What the import added.' }) created = new ImportCounts();
  @Field(() => ImportCounts, { description: 'What it changed.' }) updated = new ImportCounts();
  @Field(() => ImportCounts, { description: 'What it found as it was.' }) unchanged = new ImportCounts();
  @Field(() => [ImportRemovedSession], { description: 'Sessions of earlier imports missing from this document, and what became of them.' })
  removed: ImportRemovedSession[] = [];
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
  @Field({ description: 'The slug of the speaker Lectern has.' }) speakerSlug: string;
}

registerEnumType(ImportColumn, {
  name: 'ImportColumn',
  description: 'What a CSV column holds.',
  valuesMap: {
    title: { description: "The session's title." },
    abstract: { description: "The session's abstract (Markdown)." },
    start: { description: 'When it starts: a local time in the conference time zone, or with an offset.' },
    end: { description: 'When it ends; or give `duration`.' },
    duration: { description: 'How long it lasts: minutes, h:mm or an ISO 8601 duration, e.g. "1:30" or "PT90M".' },
    room: { description: "The room's name." },
    track: { description: "The track's name." },
    speakers: { description: 'Speaker names, separated by commas or semicolons.' },
    format: { description: 'A SessionFormat, e.g. TALK; default TALK.' },
    language: { description: 'BCP 47 tag of the language it is held in.' },
    id: { description: "The row's own id, so that a later import updates the session instead of adding one." },
  },
});

@InputType({ description: 'Which column of a CSV header holds a field, e.g. `{ field: title, column: "Titel" }`.' })
export class ColumnMappingInput implements ColumnMapping {
  @Field(() => ImportColumn, { description: 'The field the column holds.' }) field: ImportColumn;
  @Field({ description: "The column's name as the header row writes it." }) column: string;
}

@InputType({ description: 'A schedule document to import into a conference, and how.' })
export class ImportProgrammeInput {
  @Field(() => ID, { description: 'The conference to import into; you must organise it.' })
  conferenceId: string;

  @Field(() => ImportFormat, { description: 'The format of the document.' })
  format: ImportFormat;

  @Field({ description: 'The whole document as text (XML, JSON or CSV).' })
  document: string;

  @Field({ defaultValue: false, description: 'Report what the import would do, and change nothing.' })
  dryRun: boolean;

  @Field(() => MissingSessions, {
    defaultValue: MissingSessions.KEEP,
    description: 'What to do with sessions of earlier imports that the document no longer has.',
  })
  missing: MissingSessions;

  @Field(() => [ColumnMappingInput], { nullable: true, description: 'For CSV: which column holds which field.' })
  mapping?: ColumnMappingInput[] | null;

  @Field(() => [SpeakerMatchInput], {
    nullable: true,
    description: 'People of the document confirmed to be speakers Lectern has (remembered, so the next import needs no confirmation).',
  })
  speakerMatches?: SpeakerMatchInput[] | null;
}
