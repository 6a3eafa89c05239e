import { Injectable } from '@nestjs/common';
import { PUBLIC_VIEWER } from '../auth/viewer';
import { Conference } from '../conferences/conference.entity';
import { ConferenceService } from '../conferences/conference.service';
import { InterviewItem } from '../interviews/interview-item.entity';
import { Interview } from '../interviews/interview.entity';
import { InterviewService } from '../interviews/interview.service';
import { PublishedAppearance, PublishedSession } from '../published/published-programme';
import { ProgrammeView, PublishedProgrammes } from '../published/published-programmes.service';
import { SpeakerDirectory } from '../sessions/speaker-directory.service';
import { Speaker } from '../speakers/speaker.entity';
import { SpeakerService } from '../speakers/speaker.service';

/** A public session as a website shows it: as the version of the programme its conference follows has it. */
export interface PublicSession {
  session: PublishedSession;
  /** The version it was read from (live or a release), with its conference. */
  view: ProgrammeView;
}

export interface PublicAppearance {
  appearance: PublishedAppearance;
  session: PublicSession;
}

export interface PublicInterview {
  interview: Interview;
  conference: Conference | null;
  speakers: Speaker[];
  items: InterviewItem[];
}

export interface PublicSpeaker {
  speaker: Speaker;
  /** The default locale of the published conference the person last appeared at. */
  defaultLocale: string | undefined;
  /** Oldest first. */
  appearances: PublicAppearance[];
  interviews: PublicInterview[];
}

/** One speaker, or where the slug asked for leads (another slug of a public speaker). */
export type SpeakerLookup = { speaker: PublicSpeaker } | { ownSlug: string };

/** A conference's speaker wall can be long, but not endless. */
const WALL_MAX = 1000;

/**
 * What websites may show, read as the public reads it (whatever token a request carries): the
 * sessions from the published programme, each conference's in the version it follows, so a page
 * shows what the conference's feeds show; profiles and interviews from their own services.
 */
@Injectable()
export class WebsiteReader {
  constructor(
    private readonly published: PublishedProgrammes,
    private readonly speakers: SpeakerService,
    private readonly directory: SpeakerDirectory,
    private readonly conferences: ConferenceService,
    private readonly interviews: InterviewService,
  ) {}

  async speaker(slug: string): Promise<SpeakerLookup> {
    const ownSlug = await this.directory.ownSlugFor(slug, PUBLIC_VIEWER);
    if (ownSlug !== undefined) return { ownSlug };
    const speaker = await this.directory.bySlug(slug, PUBLIC_VIEWER);
    const { views } = await this.published.ofSpeaker(speaker.id);
    const [found] = await this.complete([speaker], views);
    return { speaker: found };
  }

  /** A published conference and everyone in the programme it follows, by name, with their parts in it. */
  async conferenceSpeakers(conferenceSlug: string): Promise<{ conference: Conference; speakers: PublicSpeaker[] }> {
    const conference = await this.conferences.bySlug(conferenceSlug, PUBLIC_VIEWER, 'slug');
    const view = await this.published.ofConference(conference);
    const ids = [...new Set(view.sessions.flatMap((session) => session.lineUp.map((appearance) => appearance.speakerId)))];
    const speakers = ids.length === 0 ? [] : (await this.speakers.byIds(ids)).sort(byName).slice(0, WALL_MAX);
    const complete = await this.complete(speakers, [view]);
    for (const entry of complete) entry.interviews = entry.interviews.filter((interview) => interview.conference?.id === conference.id);
    return { conference, speakers: complete };
  }

  async interview(slug: string): Promise<PublicInterview> {
    const interview = await this.interviews.bySlug(slug, PUBLIC_VIEWER);
    const [found] = await this.completeInterviews([interview]);
    return found;
  }

  /** The public interviews about a session. */
  interviewsAbout(sessionId: number): Promise<Interview[]> {
    return this.interviews.aboutSessions([sessionId], PUBLIC_VIEWER);
  }

  /** The speakers with their appearances in these views (in conference order, then time order), and their public interviews. */
  private async complete(speakers: Speaker[], views: ProgrammeView[]): Promise<PublicSpeaker[]> {
    if (speakers.length === 0) return [];
    const withSpeakers = await this.interviews.withSpeakers(
      speakers.map((speaker) => speaker.id),
      PUBLIC_VIEWER,
    );
    const interviews = new Map(
      (
        await this.completeInterviews(
          uniqueBy(
            withSpeakers.map((row) => row.interview),
            (i) => i.id,
          ),
        )
      ).map((i) => [i.interview.id, i]),
    );
    return speakers.map((speaker) => {
      const appearances = appearancesOf(speaker.id, views);
      return {
        speaker,
        defaultLocale: appearances.at(-1)?.session.view.conference.defaultLocale,
        appearances,
        interviews: withSpeakers.filter((row) => row.speakerId === speaker.id).map((row) => interviews.get(row.interview.id)!),
      };
    });
  }

  private async completeInterviews(interviews: Interview[]): Promise<PublicInterview[]> {
    if (interviews.length === 0) return [];
    const ids = interviews.map((interview) => interview.id);
    const [items, participants, conferences] = await Promise.all([
      this.interviews.itemsOf(ids),
      this.interviews.participantsOf(ids),
      this.conferences.byIds([...new Set(interviews.flatMap((i) => (i.conferenceId === null ? [] : [i.conferenceId])))]),
    ]);
    const people = await this.speakers.byIds([...new Set(participants.map((p) => p.speakerId))]);
    return interviews.map((interview) => ({
      interview,
      conference: conferences.find((c) => c.id === interview.conferenceId) ?? null,
      speakers: participants
        .filter((p) => p.interviewId === interview.id)
        .map((p) => people.find((person) => person.id === p.speakerId))
        .filter((person): person is Speaker => person !== undefined),
      items: items.filter((item) => item.interviewId === interview.id),
    }));
  }
}

function uniqueBy<T>(values: T[], key: (value: T) => unknown): T[] {
  const seen = new Set<unknown>();
  return values.filter((value) => !seen.has(key(value)) && seen.add(key(value)));
}

/** The views come oldest conference first and their sessions in time order, so the appearances do too. */
function appearancesOf(speakerId: number, views: ProgrammeView[]): PublicAppearance[] {
  return views.flatMap((view) =>
    view.sessions.flatMap((session) =>
      session.lineUp
        .filter((appearance) => appearance.speakerId === speakerId)
        .map((appearance) => ({ appearance, session: { session, view } })),
    ),
  );
}

/** By name, then id: code-unit order, so the wall reads the same on either engine. */
function byName(a: Speaker, b: Speaker): number {
  if (a.name !== b.name) return a.name < b.name ? -1 : 1;
  return a.id - b.id;
}
