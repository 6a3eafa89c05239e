import { LocalisedText } from '../../common/localisation';
import { AppearanceRole } from '../../sessions/appearance.entity';
import { SessionFormat } from '../../sessions/session.entity';

/** The formats an import reads. */
export enum ImportFormat {
  SCHEDULE_XML = 'SCHEDULE_XML',
  SCHEDULE_JSON = 'SCHEDULE_JSON',
  SCHEDULE2_JSON = 'SCHEDULE2_JSON',
  /** Sessionize's "All Data" JSON export. */
  SESSIONIZE = 'SESSIONIZE',
  /** A spreadsheet, read through a column mapping. */
  CSV = 'CSV',
}

export interface ImportedRoom {
  /** The source's id for the room: its guid when the document gives each room its own, else its name. */
  key: string;
  name: string;
  capacity: number | null;
}

export interface ImportedTrack {
  /** The source's id for the track when it gives one (schedule2's slug), so a renamed track is found; else matched by name. */
  key?: string;
  name: string;
  color: string | null;
}

export interface ImportedPerson {
  /** The source's id: guid, else id, else code, else the name. */
  key: string;
  name: string;
  email: string | null;
  bio: LocalisedText;
}

export interface ImportedSession {
  /** The source's id: guid (a UUID or not), else the numeric id. */
  key: string;
  /** Where in the document it is, for messages: `day[2]/room[Hall 1]/event[4711]`. */
  path: string;
  title: LocalisedText;
  /** Markdown, as Lectern stores rich text. */
  abstract: LocalisedText;
  format: SessionFormat;
  language: string | null;
  /** A room's key. */
  room: string | null;
  /** A track's name. */
  track: string | null;
  startsAt: Date | null;
  minutes: number;
  cancelled: boolean;
  lineUp: { person: string; role: AppearanceRole }[];
}

/** What a parser read of a schedule document, in no format's shape; times are UTC instants. */
export interface ImportedProgramme {
  format: ImportFormat;
  /** The document's IANA zone, if it names one. */
  timeZone: string | null;
  rooms: ImportedRoom[];
  tracks: ImportedTrack[];
  people: ImportedPerson[];
  sessions: ImportedSession[];
  /** Everything repaired or skipped, each with its path. */
  warnings: string[];
}
