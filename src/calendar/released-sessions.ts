import { ProgrammeSnapshot, SnapshotSession } from '../releases/programme-snapshot';
import { CalendarSession } from './calendar-session';

/** A release's frozen sessions as calendar entries: the times, rooms, line-ups and revisions as released. */
export function releasedCalendarSessions(programme: ProgrammeSnapshot, sessions: SnapshotSession[]): CalendarSession[] {
  return sessions
    .filter((session) => session.startsAt !== null)
    .map((session) => ({
      id: session.id,
      uid: session.uid,
      title: session.title,
      abstract: session.abstract,
      format: session.format,
      status: session.status,
      startsAt: new Date(session.startsAt!),
      endsAt: new Date(session.endsAt!),
      revision: session.revision,
      streamUrl: session.streamUrl,
      createdAt: new Date(session.createdAt),
      updatedAt: new Date(session.updatedAt),
      room: session.room ? { name: session.room.name, streamUrl: session.room.streamUrl } : null,
      track: session.track ? { name: session.track.name, color: trackColour(session.track) } : null,
      conference: programme.conference,
      lineUp: session.lineUp.map(({ role, title, organisation, speakerName }) => ({ role, title, organisation, speakerName })),
    }));
}

/** A track's colour where the release keeps one; a snapshot without it gives none. */
function trackColour(track: NonNullable<SnapshotSession['track']> & { color?: string | null }): string | null {
  return track.color ?? null;
}
