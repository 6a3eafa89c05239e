import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { PUBLIC_VIEWER } from '../auth/viewer';
import { notFound } from '../common/errors';
import { Conference } from '../conferences/conference.entity';
import { ConferenceService } from '../conferences/conference.service';
import { Room } from '../conferences/room.entity';
import { Track } from '../conferences/track.entity';
import { ReleaseChoice } from '../releases/release-choice';
import { ReleaseService } from '../releases/release.service';
import { ScheduleRelease } from '../releases/schedule-release.entity';
import { checkSessionFilter, sessionMatcher } from '../sessions/session-filter';
import { SessionFilter } from '../sessions/session.inputs';
import { LiveProgrammes } from './live-programmes.service';
import { publishedConference, PublishedProgramme, PublishedSession } from './published-programme';
import { isPublicConference, isPublicPart } from './public-rule';

/**
 * One conference's programme as a reader gets it: the whole version they follow (live, or a
 * release), and the sessions of it they asked for.
 */
export interface ProgrammeView {
  conference: Conference;
  /** The release shown, or null for the live programme. */
  release: ScheduleRelease | null;
  /** Whether this is the version the conference itself follows (no release was asked for). */
  asFollowed: boolean;
  /** The whole version, whatever was asked for. */
  programme: PublishedProgramme;
  /** What was asked for of it, in time order. */
  sessions: PublishedSession[];
  /** Which of its sessions were asked for, by what they are (so it tells for sessions no longer in it too); absent: all. */
  chosen?: (session: PublishedSession) => boolean;
}

/** Several conferences' views, and every conference whose change could change them. */
export interface ProgrammeViews {
  views: ProgrammeView[];
  consulted: number[];
}

/**
 * The published programme, read one way for every output: per conference, the version the
 * reader asks for or the conference follows (`programmeFollows`), narrowed by the one filter
 * implementation, whether the version is live or released. A speaker's, an agenda's and a
 * session's programme are read the same way, conference by conference, so every feed and page
 * of one conference shows the same version of it.
 */
@Injectable()
export class PublishedProgrammes {
  constructor(
    private readonly dataSource: DataSource,
    private readonly conferences: ConferenceService,
    private readonly releases: ReleaseService,
    private readonly live: LiveProgrammes,
  ) {}

  /** The version a reader gets (see `ReleaseService.followed`), the live one as kept up to date. */
  private async followed(conference: Conference, choice: ReleaseChoice | undefined) {
    const release = await this.releases.chosenRelease(conference, choice);
    if (release) return { release, programme: await this.releases.programmeOf(release) };
    return { release: null, programme: (await this.live.read([conference])).get(conference.id)! };
  }

  async ofConference(conference: Conference, filter: SessionFilter = {}, release?: ReleaseChoice): Promise<ProgrammeView> {
    // A conference withdrawn after a release shows nothing, whatever its releases hold.
    const followed = isPublicConference(conference)
      ? await this.followed(conference, release)
      : { release: null, programme: { conference: publishedConference(conference), sessions: [] } };
    const chosen = sessionMatcher(checkSessionFilter(filter, conference.timeZone));
    const sessions = chosen ? followed.programme.sessions.filter(chosen) : followed.programme.sessions;
    return { conference, release: followed.release, asFollowed: release === undefined, programme: followed.programme, sessions, chosen };
  }

  /**
   * Every public conference's sessions the speaker takes part in, as each conference follows its
   * programme: those where they appear now, and those that follow a release (which may name them
   * where the live programme no longer does). `consulted` also names every conference with a
   * release, whose choice to follow it would change the answer.
   */
  async ofSpeaker(speakerId: number): Promise<ProgrammeViews> {
    const rows: { conferenceId: number; read: number }[] = await this.dataSource.query(
      ...this.statement(
        `SELECT DISTINCT "s"."conferenceId", 1 AS "read" FROM "appearances" "a" INNER JOIN "sessions" "s" ON "s"."id" = "a"."sessionId" WHERE "a"."speakerId" = :speakerId
         UNION SELECT DISTINCT "r"."conferenceId", CASE WHEN "c"."programmeFollows" = 'LATEST_RELEASE' THEN 1 ELSE 0 END AS "read"
           FROM "schedule_releases" "r" INNER JOIN "conferences" "c" ON "c"."id" = "r"."conferenceId"`,
        { speakerId },
      ),
    );
    const chosen = (session: PublishedSession) => session.lineUp.some((appearance) => appearance.speakerId === speakerId);
    const views = await this.select(
      rows.filter((row) => Number(row.read) === 1).map((row) => Number(row.conferenceId)),
      chosen,
    );
    return { views, consulted: distinct(rows.map((row) => Number(row.conferenceId))) };
  }

  /** The agenda's sessions, each as its conference follows its programme. */
  async ofAgenda(agendaId: number): Promise<ProgrammeViews> {
    const rows: { sessionId: number; conferenceId: number }[] = await this.dataSource.query(
      ...this.statement(
        `SELECT "s"."id" AS "sessionId", "s"."conferenceId" FROM "agenda_sessions" "g" INNER JOIN "sessions" "s" ON "s"."id" = "g"."sessionId" WHERE "g"."agendaId" = :agendaId`,
        { agendaId },
      ),
    );
    const ids = new Set(rows.map((row) => Number(row.sessionId)));
    const chosen = (session: PublishedSession) => ids.has(session.id);
    const consulted = distinct(rows.map((row) => Number(row.conferenceId)));
    return { views: await this.select(consulted, chosen), consulted };
  }

  /**
   * The programme of a session's conference, as it follows it, narrowed to that session (none,
   * when the public does not see it there); undefined when its conference is not public. A session
   * deleted since is looked for in the conference it was last shown in, when one is known.
   */
  async session(id: number, formerConference?: () => Promise<number | undefined>): Promise<ProgrammeView | undefined> {
    const rows: { conferenceId: number }[] = await this.dataSource.query(
      ...this.statement(`SELECT "s"."conferenceId" FROM "sessions" "s" WHERE "s"."id" = :id`, { id }),
    );
    const conferenceId = rows.length ? Number(rows[0].conferenceId) : await formerConference?.();
    const [view] = await this.select(conferenceId === undefined ? [] : [conferenceId], (session) => session.id === id);
    return view;
  }

  /** Each of these conferences that is public, whole, as it follows its programme. */
  ofConferences(conferenceIds: number[]): Promise<ProgrammeView[]> {
    return this.select(conferenceIds);
  }

  /**
   * Whether the public sees the conference's live edits as they are made: not while it follows a
   * release, whose next release tells them all at once.
   */
  async showsLiveEdits(conference: Conference): Promise<boolean> {
    return (await this.releases.chosenRelease(conference, undefined)) === null;
  }

  /** A track the public sees, by slug. */
  async track(conference: Conference, slug: string): Promise<Track> {
    const track = await this.dataSource.getRepository(Track).findOneBy({ conferenceId: conference.id, slug });
    if (!track || !isPublicPart(track)) throw notFound('track', 'track', slug);
    return track;
  }

  /** A room the public sees, by slug. */
  async room(conference: Conference, slug: string): Promise<Room> {
    const room = await this.dataSource.getRepository(Room).findOneBy({ conferenceId: conference.id, slug });
    if (!room || !isPublicPart(room)) throw notFound('room', 'room', slug);
    return room;
  }

  /**
   * The public conferences among these, each as it follows its programme, narrowed to the sessions
   * chosen. The live programmes are read together, in two statements for any number of them.
   */
  private async select(conferenceIds: number[], chosen?: (session: PublishedSession) => boolean): Promise<ProgrammeView[]> {
    const ids = distinct(conferenceIds);
    if (ids.length === 0) return [];
    const conferences = await this.conferences
      .visible(PUBLIC_VIEWER)
      .andWhere('conference.id IN (:...ids)', { ids })
      .orderBy('conference.startDate', 'ASC')
      .addOrderBy('conference.id', 'ASC')
      .getMany();
    const releases = await Promise.all(conferences.map((conference) => this.releases.chosenRelease(conference, undefined)));
    const live = await this.live.read(conferences.filter((_, i) => releases[i] === null));
    return Promise.all(
      conferences.map(async (conference, i) => {
        const release = releases[i];
        const programme = release ? await this.releases.programmeOf(release) : live.get(conference.id)!;
        return {
          conference,
          release,
          asFollowed: true,
          programme,
          sessions: chosen ? programme.sessions.filter(chosen) : programme.sessions,
          chosen,
        };
      }),
    );
  }

  private statement(sql: string, parameters: Record<string, unknown>): [string, unknown[]] {
    return this.dataSource.driver.escapeQueryWithParameters(sql, parameters, {}) as [string, unknown[]];
  }
}

function distinct(values: number[]): number[] {
  return [...new Set(values)];
}
