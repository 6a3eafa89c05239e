import { Injectable } from '@nestjs/common';
import { organises } from '../auth/viewer';
import { RequestContext } from '../auth/request-context';
import { requestLoader } from '../common/loaders';
import { visiblePart } from '../conferences/conference-part.service';
import { ConferenceLoader } from '../conferences/conference.loader';
import { ProgrammeView, PublishedProgrammes } from '../published/published-programmes.service';
import { Session } from '../sessions/session.entity';
import { SessionLoader } from '../sessions/session.loader';
import { SpeakerLoader } from '../speakers/speaker.loader';
import { CalendarSession, calendarSession } from './calendar-session';

/**
 * What a calendar entry of a session shows to whoever asks: to the public, the session as the
 * published programme has it (so, for a conference that follows its releases, as released, like
 * its feeds); to the conference's organisers, their own live view, drafts and hidden rooms included.
 */
@Injectable()
export class CalendarEntryLoader {
  constructor(
    private readonly published: PublishedProgrammes,
    private readonly conferences: ConferenceLoader,
    private readonly sessions: SessionLoader,
    private readonly speakers: SpeakerLoader,
  ) {}

  /** Null when the reader has no calendar entry of it (the public, for a session not in the published programme). */
  async entry(context: RequestContext, session: Session): Promise<CalendarSession | null> {
    if (organises(context.viewer, session.conferenceId)) return this.organisersEntry(context, session);
    const view = await this.programmeOf(context, session.conferenceId);
    const published = view?.programme.sessions.find((candidate) => candidate.id === session.id);
    return published ? calendarSession(published, view!.programme.conference) : null;
  }

  /** Each conference's published programme once per request, however many of its sessions ask. */
  private programmeOf(context: RequestContext, conferenceId: number): Promise<ProgrammeView | null> {
    return requestLoader<number, ProgrammeView | null>(context, 'publishedProgramme', async (ids) => {
      const views = await this.published.ofConferences([...ids]);
      return ids.map((id) => views.find((view) => view.conference.id === id) ?? null);
    }).load(conferenceId);
  }

  private async organisersEntry(context: RequestContext, session: Session): Promise<CalendarSession> {
    const [conference, room, track, lineUp] = await Promise.all([
      this.conferences.conference(context, session.conferenceId),
      this.conferences.room(context, session.roomId),
      this.conferences.track(context, session.trackId),
      this.sessions.lineUp(context, session.id),
    ]);
    const speakers = await Promise.all(lineUp.map((appearance) => this.speakers.speaker(context, appearance.speakerId)));
    return {
      ...session,
      room: visiblePart(room, context.viewer),
      track: visiblePart(track, context.viewer),
      conference: conference!,
      lineUp: lineUp.map(({ role, title, organisation }, i) => ({ role, title, organisation, speakerName: speakers[i]?.name ?? '' })),
    };
  }
}
