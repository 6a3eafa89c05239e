import { ColumnMapping, parseCsv } from './csv-parser';
import { ImportContext } from './import-context';
import { ImportedProgramme, ImportFormat } from './imported-programme';
import { parseSchedule2Json, parseScheduleJson } from './schedule-json-parser';
import { parseScheduleXml } from './schedule-xml-parser';
import { parseSessionize } from './sessionize-parser';

/** Reads a document of the format named into the neutral model, or refuses it naming the place. */
export function parseProgramme(
  format: ImportFormat,
  document: string,
  context: ImportContext,
  mapping?: ColumnMapping[],
): ImportedProgramme {
  switch (format) {
    case ImportFormat.SCHEDULE_XML:
      return parseScheduleXml(document, context);
    case ImportFormat.SCHEDULE_JSON:
      return parseScheduleJson(document, context);
    case ImportFormat.SCHEDULE2_JSON:
      return parseSchedule2Json(document, context);
    case ImportFormat.SESSIONIZE:
      return parseSessionize(document, context);
    case ImportFormat.CSV:
      return parseCsv(document, context, mapping);
  }
}

/** The format a file's name or first characters suggest (for the CLI). */
export function guessFormat(fileName: string, document: string): ImportFormat {
  if (/\.(csv|tsv)$/i.test(fileName)) return ImportFormat.CSV;
  if (/\.xml$/i.test(fileName) || document.trimStart().startsWith('<')) return ImportFormat.SCHEDULE_XML;
  if (/"categoryItems"\s*:/.test(document.slice(0, 200_000))) return ImportFormat.SESSIONIZE;
  if (/schedule2/i.test(fileName) || /"events"\s*:\s*\[/.test(document.slice(0, 200_000))) return ImportFormat.SCHEDULE2_JSON;
  return ImportFormat.SCHEDULE_JSON;
}
