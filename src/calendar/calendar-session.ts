import { LocalisedText } from '../common/localisation';
import { AppearanceRole } from '../sessions/appearance.entity';
import { SessionFormat, SessionStatus } from '../sessions/session.entity';

/** What a calendar entry shows of a session: read as lean rows for feeds, assembled from loaders for links. */
export interface CalendarSession {
  id: number;
  uid: string;
  title: LocalisedText;
  abstract: LocalisedText;
  format: SessionFormat;
  status: SessionStatus;
  /** Both empty while the session is unscheduled: it then has no calendar entry. */
  startsAt: Date | null;
  endsAt: Date | null;
  revision: number;
  streamUrl: string | null;
  createdAt: Date;
  updatedAt: Date;
  room: { name: string; streamUrl: string | null } | null;
  /** `color` as Lectern keeps it (#rrggbb); absent or null where the source has none (a release snapshot keeps none). */
  track: { name: string; color?: string | null } | null;
  conference: CalendarConference;
  lineUp: CalendarAppearance[];
}

export interface CalendarConference {
  name: string;
  timeZone: string;
  defaultLocale: string;
  venue: string | null;
  city: string | null;
  websiteUrl: string | null;
}

export interface CalendarAppearance {
  role: AppearanceRole;
  title: string | null;
  organisation: string | null;
  speakerName: string;
}
