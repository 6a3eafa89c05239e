import { DateTime } from 'luxon';
import { stringify } from 'csv-stringify/sync';
import { localise } from '../common/localisation';
import { SessionStatus } from '../sessions/session.entity';
import { ExportSource, isoWithOffset } from './export-model';
import { personGuid } from './export-ids';

/** Local time with offset, or empty while unscheduled. */
function local(at: string | null, zone: string): string {
  return at ? isoWithOffset(DateTime.fromISO(at, { zone })) : '';
}

function minutes(session: { startsAt: string | null; endsAt: string | null }): string {
  if (!session.startsAt || !session.endsAt) return '';
  return String(Math.round((Date.parse(session.endsAt) - Date.parse(session.startsAt)) / 60_000));
}

/** RFC 4180 CSV, CRLF line ends, a header row; every published session, scheduled or not. */
export function sessionsCsv(source: ExportSource): string {
  const { conference } = source;
  const text = (value: Record<string, string>) => localise(value, source.locale, conference.defaultLocale) ?? '';
  return stringify(
    source.programme.sessions.map((session) => ({
      id: session.id,
      guid: session.uid,
      title: text(session.title),
      abstract: text(session.abstract),
      format: session.format,
      status: session.status,
      cancelled: session.status === SessionStatus.CANCELLED ? 'yes' : 'no',
      language: session.language,
      start: local(session.startsAt, conference.timeZone),
      end: local(session.endsAt, conference.timeZone),
      start_utc: session.startsAt ?? '',
      end_utc: session.endsAt ?? '',
      duration_minutes: minutes(session),
      room: session.room?.name ?? '',
      room_slug: session.room?.slug ?? '',
      track: session.track?.name ?? '',
      track_slug: session.track?.slug ?? '',
      speakers: session.lineUp.map((appearance) => appearance.speakerName).join('; '),
      url: `${source.baseUrl}/calendars/sessions/${session.id}.ics`,
    })),
    { header: true, record_delimiter: 'windows', columns: SESSION_COLUMNS },
  );
}

const SESSION_COLUMNS = [
  'id',
  'guid',
  'title',
  'abstract',
  'format',
  'status',
  'cancelled',
  'language',
  'start',
  'end',
  'start_utc',
  'end_utc',
  'duration_minutes',
  'room',
  'room_slug',
  'track',
  'track_slug',
  'speakers',
  'url',
];

const SPEAKER_COLUMNS = [
  'session_id',
  'session_guid',
  'session_title',
  'start',
  'end',
  'room',
  'position',
  'speaker_id',
  'speaker_guid',
  'speaker_slug',
  'name',
  'role',
  'title',
  'organisation',
];

/** One row per appearance: who takes part in which session, in what role, as who they were then. */
export function speakersCsv(source: ExportSource): string {
  const { conference } = source;
  const text = (value: Record<string, string>) => localise(value, source.locale, conference.defaultLocale) ?? '';
  return stringify(
    source.programme.sessions.flatMap((session) =>
      session.lineUp.map((appearance, position) => ({
        session_id: session.id,
        session_guid: session.uid,
        session_title: text(session.title),
        start: local(session.startsAt, conference.timeZone),
        end: local(session.endsAt, conference.timeZone),
        room: session.room?.name ?? '',
        position: position + 1,
        speaker_id: appearance.speakerId,
        speaker_guid: personGuid(appearance.speakerId),
        speaker_slug: appearance.speakerSlug,
        name: appearance.speakerName,
        role: appearance.role,
        title: appearance.title ?? '',
        organisation: appearance.organisation ?? '',
      })),
    ),
    { header: true, record_delimiter: 'windows', columns: SPEAKER_COLUMNS },
  );
}
