import { parse } from 'csv-parse/sync';
import { DateTime } from 'luxon';
import { badInput } from '../../common/errors';
import { AppearanceRole } from '../../sessions/appearance.entity';
import { ImportContext } from './import-context';
import { ImportedPerson, ImportedProgramme, ImportedRoom, ImportedSession, ImportedTrack, ImportFormat } from './imported-programme';
import { checkSize, formatOf, inLocale, languageOf, parseDuration, richText, unreadable, Warnings } from './parse-support';

/** What a CSV column can stand for. */
export enum ImportColumn {
  title = 'title',
  abstract = 'abstract',
  start = 'start',
  end = 'end',
  duration = 'duration',
  room = 'room',
  track = 'track',
  speakers = 'speakers',
  format = 'format',
  language = 'language',
  id = 'id',
}

/** Which column of the header holds a field. */
export interface ColumnMapping {
  field: ImportColumn;
  column: string;
}

/** When a row has a start and neither end nor duration. */
const MINUTES_WITHOUT_END = 30;

/** `title=Titel,start=Start,…` (the CLI's `--map`) as a mapping. */
export function parseMapping(given: string): ColumnMapping[] {
  return given
    .split(',')
    .filter((pair) => pair.trim())
    .map((pair) => {
      const at = pair.indexOf('=');
      const field = pair.slice(0, at).trim().toLowerCase() as ImportColumn;
      if (at < 1 || !Object.values(ImportColumn).includes(field)) {
        throw new Error(`--map takes field=column pairs, the fields being ${Object.values(ImportColumn).join(', ')}: "${pair}"`);
      }
      return { field, column: pair.slice(at + 1).trim() };
    });
}

/** The separator the header line uses most: `,`, `;` (spreadsheets in much of Europe) or a tab. */
function delimiterOf(document: string): string {
  const header = document.slice(0, document.search(/\r?\n|$/)).replace(/"[^"]*"/g, '');
  return [',', ';', '\t'].map((d) => [d, header.split(d).length] as const).sort((a, b) => b[1] - a[1])[0][0];
}

/** A time as spreadsheets write it: ISO 8601 (with or without `T`, with or without an offset) or `31.12.2030 10:00`. */
function timeOf(value: string, zone: string): DateTime | null {
  const iso = DateTime.fromISO(value.replace(/^(\d{4}-\d{2}-\d{2}) +/, '$1T'), { zone, setZone: true });
  if (iso.isValid && /^\d{4}-\d{2}-\d{2}[T ]\d{1,2}:\d{2}/.test(value)) return iso;
  for (const format of ['d.M.yyyy H:mm', 'd.M.yyyy H:mm:ss', 'd/M/yyyy H:mm', 'yyyy/M/d H:mm']) {
    const time = DateTime.fromFormat(value, format, { zone });
    if (time.isValid) return time;
  }
  return null;
}

/**
 * A spreadsheet's rows, one session each, read through a column mapping (`title` required). Times
 * are in the conference's zone unless they carry an offset; an end may be a time of day alone (the
 * start's day). Speakers are names separated by `;` (or `,` when no `;` is used). Without an `id`
 * column a session is matched by its title. A row that cannot be read is reported with its row
 * number (the header being row 1) and skipped; the others are imported.
 */
export function parseCsv(document: string, context: ImportContext, mapping: ColumnMapping[] = []): ImportedProgramme {
  checkSize(document);
  if (!mapping.some((m) => m.field === ImportColumn.title)) {
    throw badInput('mapping', 'a CSV import needs a column mapping naming at least the title column, e.g. title=Title');
  }
  let rows: string[][];
  try {
    rows = parse(document, { bom: true, delimiter: delimiterOf(document), relax_column_count: true, skip_empty_lines: true, trim: true });
  } catch (error) {
    throw unreadable('', `not CSV (${(error as Error).message})`);
  }
  if (!rows.length) throw unreadable('', 'the CSV document has no header row');
  const header = rows[0];
  const index = new Map<ImportColumn, number>();
  for (const { field, column } of mapping) {
    const exact = header.indexOf(column);
    const found = exact >= 0 ? exact : header.findIndex((name) => name.toLowerCase() === column.toLowerCase());
    if (found < 0) throw badInput('mapping', `column "${column}" (for ${field}) is not in the header: ${header.join(', ')}`);
    index.set(field, found);
  }
  const warnings = new Warnings();
  const locale = context.defaultLocale;
  if (!index.has(ImportColumn.id)) warnings.add('mapping', 'no id column, sessions are matched by title');
  const rooms = new Map<string, ImportedRoom>();
  const tracks = new Map<string, ImportedTrack>();
  const people = new Map<string, ImportedPerson>();
  const sessions: ImportedSession[] = [];
  const seen = new Set<string>();

  rows.slice(1).forEach((row, r) => {
    const path = `row ${r + 2}`;
    const cell = (field: ImportColumn) => (index.has(field) ? (row[index.get(field)!] ?? '').trim() : '');
    const skip = (problem: string) => warnings.add(path, `${problem}, row skipped`);
    const title = cell(ImportColumn.title);
    if (!title) return skip('no title');
    const key = cell(ImportColumn.id) ? `id:${cell(ImportColumn.id)}` : `title:${title.toLowerCase()}`;
    if (seen.has(key)) return skip(`a second row for ${key}`);
    let startsAt: Date | null = null;
    let minutes = 0;
    if (cell(ImportColumn.start)) {
      const start = timeOf(cell(ImportColumn.start), context.timeZone);
      if (!start) return skip(`start "${cell(ImportColumn.start)}" cannot be read as a time`);
      const endText = cell(ImportColumn.end);
      const durationText = cell(ImportColumn.duration);
      if (endText) {
        const timeOfDay = /^(\d{1,2}):(\d{2})$/.exec(endText);
        const end = timeOfDay ? start.set({ hour: Number(timeOfDay[1]), minute: Number(timeOfDay[2]) }) : timeOf(endText, context.timeZone);
        if (!end) return skip(`end "${endText}" cannot be read as a time`);
        minutes = Math.round(end.diff(start, 'minutes').minutes);
        if (minutes <= 0) return skip(`end "${endText}" is not after the start`);
      } else if (durationText) {
        const given = /^\d+$/.test(durationText) ? Number(durationText) : parseDuration(durationText);
        if (!given) return skip(`duration "${durationText}" cannot be read (minutes, 0:45, 01:00:00 or PT45M)`);
        minutes = given;
      } else {
        warnings.add(path, `no end or duration, imported as ${MINUTES_WITHOUT_END} minutes`);
        minutes = MINUTES_WITHOUT_END;
      }
      startsAt = start.toUTC().toJSDate();
    }
    const roomName = cell(ImportColumn.room);
    if (roomName && !rooms.has(`name:${roomName}`))
      rooms.set(`name:${roomName}`, { key: `name:${roomName}`, name: roomName, capacity: null });
    const trackName = cell(ImportColumn.track) || null;
    if (trackName && !tracks.has(trackName)) tracks.set(trackName, { name: trackName, color: null });
    const names = cell(ImportColumn.speakers);
    const lineUp: ImportedSession['lineUp'] = [];
    for (const name of names.split(/[;|\n]/.test(names) ? /[;|\n]/ : ',').map((n) => n.trim())) {
      if (!name) continue;
      const person = `name:${name.toLowerCase()}`;
      if (!people.has(person)) people.set(person, { key: person, name, email: null, bio: {} });
      if (!lineUp.some((entry) => entry.person === person)) lineUp.push({ person, role: AppearanceRole.SPEAKER });
    }
    seen.add(key);
    sessions.push({
      key,
      path,
      title: inLocale(title, locale),
      abstract: inLocale(richText(cell(ImportColumn.abstract), `${path}/abstract`, warnings), locale),
      format: formatOf(cell(ImportColumn.format), path, warnings),
      language: languageOf(cell(ImportColumn.language), path, warnings),
      room: roomName ? `name:${roomName}` : null,
      track: trackName,
      startsAt,
      minutes,
      cancelled: false,
      lineUp,
    });
  });
  return {
    format: ImportFormat.CSV,
    timeZone: null,
    rooms: [...rooms.values()],
    tracks: [...tracks.values()],
    people: [...people.values()],
    sessions,
    warnings: warnings.list,
  };
}
