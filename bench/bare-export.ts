// The export's own pure parts: the layout of a published programme into days, rooms and events
// (export-model.ts) and the frab XML writer (schedule-xml.ts, xmlbuilder2). They are what the
// document says, not overhead, so the bare build shares them and its bytes come out the same.
import { exportSchedule, ExportSource } from '../src/exchange/export-model';
import { scheduleXml } from '../src/exchange/schedule-xml';
import { inTimeOrder, PublishedAppearance, PublishedSession } from '../src/published/published-programme';
import { AppearanceRole } from '../src/sessions/appearance.entity';
import { SessionFormat, SessionStatus } from '../src/sessions/session.entity';
import { Sqlite } from './sqlite';
import { Statement, statementReading } from './statements';

/**
 * The bare cost of a conference's `schedule.xml`: the statements Lectern sends for it (the
 * conference, its public sessions, their line-ups, its rooms, the speakers named), replayed
 * through the same driver, the rows made into the published programme's shape, and the same
 * layout and writer; nothing else: no Nest, no TypeORM, no cache. What a cold export build is
 * compared with.
 */

type Row = Record<string, string | number | null>;

/** `statements`: what Lectern sent for the export; `address`: where Lectern says the export is. */
export async function bareScheduleXml(db: Sqlite, statements: Statement[], baseUrl: string, address: string): Promise<string> {
  const read = (table: string) => {
    const statement = statementReading(statements, table);
    return db.all<Row>(statement.sql, statement.parameters);
  };
  const [conferenceRow] = await read('conferences');
  const sessionRows = await read('sessions');
  const lineUps = new Map<number, PublishedAppearance[]>();
  for (const row of await read('appearances')) {
    const lineUp = lineUps.get(Number(row.sessionId)) ?? [];
    lineUp.push({
      speakerId: Number(row.speakerId),
      speakerSlug: String(row.speakerSlug),
      speakerName: String(row.speakerName),
      role: row.role as AppearanceRole,
      title: text(row.title),
      organisation: text(row.organisation),
    });
    lineUps.set(Number(row.sessionId), lineUp);
  }
  const roomRows = await read('rooms');
  const speakerRows = await read('speakers');

  const sessions = sessionRows
    .map((row): PublishedSession => ({
      id: Number(row.id),
      uid: String(row.uid),
      title: JSON.parse(String(row.title)),
      abstract: JSON.parse(String(row.abstract)),
      format: row.format as SessionFormat,
      language: String(row.language),
      status: row.status as SessionStatus,
      startsAt: text(row.startsAt),
      endsAt: text(row.endsAt),
      revision: Number(row.revision),
      streamUrl: text(row.streamUrl),
      recordingUrl: text(row.recordingUrl),
      slidesUrl: text(row.slidesUrl),
      createdAt: String(row.createdAt),
      updatedAt: String(row.updatedAt),
      room: row.roomSlug == null ? null : { slug: String(row.roomSlug), name: String(row.roomName), streamUrl: text(row.roomStreamUrl) },
      track: row.trackSlug == null ? null : { slug: String(row.trackSlug), name: String(row.trackName), color: text(row.trackColor) },
      lineUp: lineUps.get(Number(row.id)) ?? [],
    }))
    .sort(inTimeOrder);

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
    programme: {
      conference: {
        name: String(conferenceRow.conference_name),
        timeZone: String(conferenceRow.conference_timeZone),
        defaultLocale: String(conferenceRow.conference_defaultLocale),
        venue: text(conferenceRow.conference_venue),
        city: text(conferenceRow.conference_city),
        websiteUrl: text(conferenceRow.conference_websiteUrl),
      },
      sessions,
    },
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
