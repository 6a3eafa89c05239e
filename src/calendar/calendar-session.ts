import { LocalisedText } from '../common/localisation';
import { AppearanceRole } from '../sessions/appearance.entity';
import { SessionFormat, SessionStatus } from '../sessions/session.entity';
import { PublishedConference, PublishedSession } from '../published/published-programme';

/** What a calendar entry shows of a session: made from the published programme for feeds, assembled from loaders for links. */
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
  /** `color` as Lectern keeps it (#rrggbb); absent or null where the source has none (releases made before colours were kept). */
  track: { name: string; color?: string | null } | null;
  conference: CalendarConference;
  lineUp: CalendarAppearance[];
  /** The published session it was made from (feeds); links made for one reader have none. */
  source?: PublishedSession;
  /** What the calendar ledger hashed of it (see `calendarContentHash`), once the ledger has stamped it. */
  contentHash?: string;
}

export type CalendarConference = PublishedConference;

export interface CalendarAppearance {
  role: AppearanceRole;
  title: string | null;
  organisation: string | null;
  speakerName: string;
}

/** A published session as a calendar entry; `source` keeps what it was made from. */
export function calendarSession(session: PublishedSession, conference: PublishedConference): CalendarSession {
  return {
    id: session.id,
    uid: session.uid,
    title: session.title,
    abstract: session.abstract,
    format: session.format,
    status: session.status,
    startsAt: session.startsAt === null ? null : new Date(session.startsAt),
    endsAt: session.endsAt === null ? null : new Date(session.endsAt),
    revision: session.revision,
    streamUrl: session.streamUrl,
    createdAt: new Date(session.createdAt),
    updatedAt: new Date(session.updatedAt),
    room: session.room ? { name: session.room.name, streamUrl: session.room.streamUrl } : null,
    track: session.track ? { name: session.track.name, color: session.track.color ?? null } : null,
    conference,
    lineUp: session.lineUp.map(({ role, title, organisation, speakerName }) => ({ role, title, organisation, speakerName })),
    source: session,
  };
}

const kept = new WeakMap<PublishedSession, { conference: PublishedConference; entry: CalendarSession }>();

/**
 * `calendarSession`, made once per published session and conference: the live programme and
 * releases keep their sessions' objects until they change, so every build after a change finds
 * the others' entries (and what was hashed of them, see `calendarContentHash`) as they were.
 * Never changed once made; a variant (a cancelled one, say) is a copy.
 */
export function keptCalendarSession(session: PublishedSession, conference: PublishedConference): CalendarSession {
  const known = kept.get(session);
  if (known?.conference === conference) return known.entry;
  const entry = calendarSession(session, conference);
  kept.set(session, { conference, entry });
  return entry;
}
