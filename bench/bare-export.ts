// The export's own pure parts: the layout of a published programme into days, rooms and events
// (export-model.ts) and the frab XML writer (schedule-xml.ts, xmlbuilder2). They are what the
// document says, not overhead, so the bare build shares them and its bytes come out the same.
import { exportSchedule, ExportSource } from '../src/exchange/export-model';
import { scheduleXml } from '../src/exchange/schedule-xml';
import { readBareProgramme } from './bare-programme';
import { Sqlite } from './sqlite';
import { Statement } from './statements';

/**
 * The bare cost of a conference's `schedule.xml`: the statements Lectern sends for it (the
 * conference, its public sessions, their line-ups, its rooms, the speakers named), replayed
 * through the same driver, the rows made into the published programme's shape, and the same
 * layout and writer; nothing else: no Nest, no TypeORM, no cache. What a cold export build is
 * compared with.
 */

/** `statements`: what Lectern sent for the export; `address`: where Lectern says the export is. */
export async function bareScheduleXml(db: Sqlite, statements: Statement[], baseUrl: string, address: string): Promise<string> {
  const { conferenceRow, conference, sessions, read } = await readBareProgramme(db, statements);
  const roomRows = await read('rooms');
  const speakerRows = await read('speakers');

  const source: ExportSource = {
    conference: {
      id: Number(conferenceRow.conference_id),
      slug: String(conferenceRow.conference_slug),
      name: String(conferenceRow.conference_name),
      startDate: String(conferenceRow.conference_startDate),
      endDate: String(conferenceRow.conference_endDate),
      timeZone: String(conferenceRow.conference_timeZone),
      defaultLocale: String(conferenceRow.conference_defaultLocale),
    },
    programme: { conference, sessions },
    release: null,
    locale: undefined,
    baseUrl,
    rooms: new Map(
      roomRows
        .filter((row) => Boolean(row.Room_published))
        .map((row) => [
          String(row.Room_slug),
          { capacity: row.Room_capacity == null ? null : Number(row.Room_capacity), position: Number(row.Room_position) },
        ]),
    ),
    people: new Map(
      speakerRows.map((row) => [
        Number(row.Speaker_id),
        { bio: row.Speaker_bio == null ? {} : JSON.parse(String(row.Speaker_bio)), photoUrl: text(row.Speaker_photoUrl) },
      ]),
    ),
  };
  return scheduleXml(exportSchedule(source), address);
}

function text(value: unknown): string | null {
  return value == null ? null : String(value);
}
