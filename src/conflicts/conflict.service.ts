import { Injectable } from '@nestjs/common';
import { DateTime } from 'luxon';
import { DataSource, EntityManager } from 'typeorm';
import { organises, requireOrganiserOf, Viewer } from '../auth/viewer';
import { localise } from '../common/localisation';
import { Conference } from '../conferences/conference.entity';
import { ConferenceService } from '../conferences/conference.service';
import { ConflictQueries, SessionFacts } from './conflict-queries';
import { Conflict, ConflictCode, ConflictSeverity, SEVERITY } from './conflict.types';

/**
 * Every problem in a conference's programme, for its organisers. Detection is one set-based
 * statement per kind (see ConflictQueries); this service only words what they found.
 */
@Injectable()
export class ConflictService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly conferences: ConferenceService,
  ) {}

  async ofConferenceSlug(slug: string, viewer: Viewer): Promise<{ conference: Conference; conflicts: Conflict[] }> {
    const conference = await this.conferences.bySlug(slug, viewer, 'conferenceSlug');
    requireOrganiserOf(viewer, conference.id, 'conferenceSlug');
    return { conference, conflicts: await this.detect(conference, viewer) };
  }

  /** The conflicts, worded for this viewer: sessions of conferences they may not see stay anonymous. */
  async detect(conference: Conference, viewer: Viewer, within?: EntityManager): Promise<Conflict[]> {
    const queries = new ConflictQueries(within ?? this.dataSource.manager, conference);
    // One after another: inside a transaction they share one connection, which runs one statement at a time anyway.
    const speakerPairs = await queries.speakerDoubleBookings();
    const unavailable = await queries.speakersUnavailable();
    const roomPairs = await queries.roomDoubleBookings();
    const outsideDays = await queries.outsideConferenceDays();
    const outsideRooms = await queries.outsideRoomAvailability();
    const lineUps = await queries.lineUpGaps();
    const withoutBio = await queries.speakersWithoutBio();
    const hidden = await queries.hiddenPlaces();
    const words = new Wording(conference, viewer);
    const conflicts: Conflict[] = [];
    const add = (
      code: ConflictCode,
      message: string,
      sessions: SessionFacts[],
      involved: Partial<Pick<Conflict, 'speakerIds' | 'roomId' | 'trackId'>> = {},
    ) => {
      const shown = sessions.filter((session) => words.visible(session));
      const speakerIds = involved.speakerIds ?? [];
      const severity = SEVERITY[code];
      // A session the viewer may not see is in the key as "hidden", not by its id: two clashes
      // that differ only in which hidden session they involve are one conflict to this viewer.
      const key = [
        code,
        ...sessions.map((s) => (words.visible(s) ? `s${s.id}` : 'hidden')),
        ...speakerIds.map((id) => `p${id}`),
        ...(involved.roomId ? [`r${involved.roomId}`] : []),
        ...(involved.trackId ? [`t${involved.trackId}`] : []),
      ].join(':');
      if (conflicts.some((found) => found.key === key)) return;
      conflicts.push({
        key,
        code,
        severity,
        message,
        blocksRelease: severity === ConflictSeverity.ERROR && sessions.some((s) => s.conferenceId === conference.id && s.published),
        sessionIds: shown.map((s) => s.id),
        speakerIds,
        roomId: involved.roomId ?? null,
        trackId: involved.trackId ?? null,
      });
    };

    for (const { first, second, speakerId, speakerName } of speakerPairs) {
      add(
        ConflictCode.SPEAKER_DOUBLE_BOOKED,
        `${speakerName} is in ${words.session(first)} and in ${words.session(second)} at the same time${words.zoneNote()}.`,
        [first, second],
        { speakerIds: [speakerId!] },
      );
    }
    for (const { session, speakerId, speakerName, from, until } of unavailable) {
      add(
        ConflictCode.SPEAKER_UNAVAILABLE,
        `${speakerName} cannot speak from ${words.instant(from)} to ${words.instant(until)}, when ${words.session(session)} is${words.zoneNote()}.`,
        [session],
        { speakerIds: [speakerId] },
      );
    }
    for (const { first, second, roomId, roomName } of roomPairs) {
      add(
        ConflictCode.ROOM_DOUBLE_BOOKED,
        `${words.session(first)} and ${words.session(second)} are both in ${roomName} at the same time${words.zoneNote()}.`,
        [first, second],
        { roomId },
      );
    }
    for (const { session } of outsideDays) {
      add(
        ConflictCode.OUTSIDE_CONFERENCE_DAYS,
        `${words.session(session)} is outside the conference's days, ${conference.startDate} to ${conference.endDate}${words.zoneNote()}.`,
        [session],
      );
    }
    for (const { session, roomId, roomName } of outsideRooms) {
      add(
        ConflictCode.OUTSIDE_ROOM_AVAILABILITY,
        `${words.session(session)} is in ${roomName} outside the times the room can be used${words.zoneNote()}.`,
        [session],
        { roomId: roomId! },
      );
    }
    for (const { session, format, people = 0, moderators = 0 } of lineUps) {
      if (format !== 'PANEL') {
        add(ConflictCode.MISSING_SPEAKER, `${words.session(session)} is a ${format!.toLowerCase()} with no speaker.`, [session]);
        continue;
      }
      const panellists = people - moderators;
      if (panellists < 2)
        add(
          ConflictCode.PANEL_TOO_SMALL,
          `The panel ${words.title(session)} has ${panellists === 1 ? 'one panellist' : `${panellists || 'no'} panellists`} besides its moderator; a panel needs at least two.`,
          [session],
        );
      if (moderators === 0) add(ConflictCode.PANEL_WITHOUT_MODERATOR, `The panel ${words.title(session)} has no moderator.`, [session]);
    }
    for (const { speakerId, speakerName } of withoutBio) {
      add(
        ConflictCode.SPEAKER_WITHOUT_BIO,
        `${speakerName} has no bio in "${conference.defaultLocale}", the conference's default language.`,
        [],
        { speakerIds: [speakerId] },
      );
    }
    for (const { session, roomId, roomName, trackId, trackName } of hidden) {
      if (roomId)
        add(ConflictCode.UNPUBLISHED_ROOM, `${words.title(session)} is published, but its room ${roomName} is not.`, [session], { roomId });
      if (trackId)
        add(ConflictCode.UNPUBLISHED_TRACK, `${words.title(session)} is published, but its track ${trackName} is not.`, [session], {
          trackId,
        });
    }
    return conflicts;
  }
}

/** Sessions and times in words, local to the conference; another conference's draft stays unnamed. */
class Wording {
  private zoneMentioned = false;

  constructor(
    private readonly conference: Conference,
    private readonly viewer: Viewer,
  ) {}

  visible(session: SessionFacts): boolean {
    return organises(this.viewer, session.conferenceId) || (session.published && session.conferencePublished);
  }

  title(session: SessionFacts): string {
    if (!this.visible(session)) return 'a session of another conference';
    const text = localise(JSON.parse(session.title), undefined, this.conference.defaultLocale) ?? '';
    return `"${text}"${session.conferenceId === this.conference.id ? '' : ' (another conference)'}`;
  }

  /** A session with its time; one the viewer may not see gets neither name nor time. */
  session(session: SessionFacts): string {
    if (!session.startsAt || !session.endsAt || !this.visible(session)) return this.title(session);
    this.zoneMentioned = true;
    const zone = this.conference.timeZone;
    const starts = DateTime.fromISO(session.startsAt, { zone }).setLocale('en-GB');
    const ends = DateTime.fromISO(session.endsAt, { zone }).setLocale('en-GB');
    const end = starts.hasSame(ends, 'day') ? ends.toFormat('HH:mm') : ends.toFormat('d LLL HH:mm');
    return `${this.title(session)} (${starts.toFormat('d LLL yyyy HH:mm')}–${end})`;
  }

  /** An instant in the conference's zone, as a message writes it. */
  instant(instant: string): string {
    this.zoneMentioned = true;
    return DateTime.fromISO(instant, { zone: this.conference.timeZone }).setLocale('en-GB').toFormat('d LLL yyyy HH:mm');
  }

  /** Says once per message which zone its times are in. */
  zoneNote(): string {
    if (!this.zoneMentioned) return ` (${this.conference.timeZone})`;
    this.zoneMentioned = false;
    return `, times in ${this.conference.timeZone}`;
  }
}
