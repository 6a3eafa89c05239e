import { Injectable } from '@nestjs/common';
import { DateTime } from 'luxon';
import { EntityManager } from 'typeorm';
import { SYSTEM_ACTOR } from '../auth/viewer';
import { LocalisedText, LocalisedTextInput } from '../common/localisation';
import { Conference, ConferenceStatus } from '../conferences/conference.entity';
import { ConferenceService } from '../conferences/conference.service';
import { RoomService } from '../conferences/room.service';
import { TrackService } from '../conferences/track.service';
import { Transactions } from '../database/transactions';
import { InterviewService } from '../interviews/interview.service';
import { AppearanceService } from '../sessions/appearance.service';
import { SessionService } from '../sessions/session.service';
import { Speaker } from '../speakers/speaker.entity';
import { SpeakerService } from '../speakers/speaker.service';
import { demoProgramme } from './demo-programme';
import { DemoConference, DemoProgramme } from './demo-programme.types';

export interface DemoLoadReport {
  conference: string;
  loaded: boolean;
  sessions: number;
  interviews: number;
}

/**
 * Loads the demo programme through the services the API uses, so every rule holds for it too.
 * A conference already present (by slug) is left as it is: loading twice changes nothing.
 */
@Injectable()
export class DemoLoader {
  constructor(
    private readonly transactions: Transactions,
    private readonly conferences: ConferenceService,
    private readonly rooms: RoomService,
    private readonly tracks: TrackService,
    private readonly speakers: SpeakerService,
    private readonly sessions: SessionService,
    private readonly appearances: AppearanceService,
    private readonly interviews: InterviewService,
  ) {}

  async load(programme: DemoProgramme = demoProgramme, progress: (report: DemoLoadReport) => void = () => undefined) {
    const reports: DemoLoadReport[] = [];
    for (const conference of programme.conferences) {
      const report = await this.transactions.run(async (manager) => {
        if (await manager.existsBy(Conference, { slug: conference.slug })) {
          return { conference: conference.name, loaded: false, sessions: 0, interviews: 0 };
        }
        await this.loadConference(manager, programme, conference);
        return {
          conference: conference.name,
          loaded: true,
          sessions: conference.sessions.length,
          interviews: conference.interviews.length,
        };
      });
      progress(report);
      reports.push(report);
    }
    return reports;
  }

  private async loadConference(manager: EntityManager, programme: DemoProgramme, demo: DemoConference): Promise<void> {
    const { rooms, tracks, sessions, interviews, status, description, ...fields } = demo;
    // The demo publishes in every language its description is written in.
    const locales = Object.keys(description);
    const conference = await this.conferences.create({ ...fields, locales, description: texts(description) }, SYSTEM_ACTOR, manager);
    const roomIds = new Map<string, number>();
    for (const [position, room] of rooms.entries()) {
      roomIds.set(room.slug, (await this.rooms.create(conference.id, { ...room, position }, SYSTEM_ACTOR, manager)).id);
    }
    const trackIds = new Map<string, number>();
    for (const [position, track] of tracks.entries()) {
      trackIds.set(track.slug, (await this.tracks.create(conference.id, { ...track, position }, SYSTEM_ACTOR, manager)).id);
    }
    const sessionIds = new Map<string, number>();
    for (const session of sessions) {
      const { key, title, abstract, room, track, start, end, appearances, ...rest } = session;
      const created = await this.sessions.create(
        {
          ...rest,
          conferenceId: String(conference.id),
          title: texts(title),
          abstract: texts(abstract),
          roomId: room ? String(roomIds.get(room)) : null,
          trackId: track ? String(trackIds.get(track)) : null,
          startsAt: start ? instant(start, demo.timeZone) : null,
          endsAt: end ? instant(end, demo.timeZone) : null,
        },
        SYSTEM_ACTOR,
        manager,
      );
      for (const appearance of appearances) {
        const speaker = await this.speaker(manager, programme, appearance.speaker, conference.id);
        await this.appearances.add({ ...appearance, sessionId: String(created.id), speakerId: String(speaker.id) }, SYSTEM_ACTOR, manager);
      }
      await this.sessions.setPublished(String(created.id), true, SYSTEM_ACTOR, manager);
      sessionIds.set(key, created.id);
    }
    for (const interview of interviews) {
      const speakerIds: string[] = [];
      for (const slug of interview.speakers) speakerIds.push(String((await this.speaker(manager, programme, slug, conference.id)).id));
      const answerers = new Map(interview.speakers.map((slug, i) => [slug, speakerIds[i]]));
      await this.interviews.create(
        {
          slug: interview.slug,
          conferenceId: String(conference.id),
          sessionId: interview.session ? String(sessionIds.get(interview.session)) : null,
          speakerIds,
          title: texts(interview.title),
          lead: texts(interview.lead),
          language: interview.language,
          author: interview.author ?? null,
          publishedOn: interview.publishedOn ?? null,
          sourceUrl: interview.sourceUrl ?? null,
          published: true,
          items: interview.items.map((item) => ({
            question: texts(item.question),
            answer: texts(item.answer),
            askedBy: item.askedBy ?? null,
            answeredById: item.answeredBy ? answerers.get(item.answeredBy) : null,
          })),
        },
        SYSTEM_ACTOR,
        manager,
      );
    }
    if (status === ConferenceStatus.PUBLISHED) await this.conferences.setStatus(conference.id, status, SYSTEM_ACTOR, manager);
  }

  /**
   * The person, once: a speaker met at several conferences is found again by slug. The first
   * conference that names them owns their profile.
   */
  private async speaker(manager: EntityManager, programme: DemoProgramme, slug: string, conferenceId: number): Promise<Speaker> {
    const existing = await manager.findOneBy(Speaker, { slug });
    if (existing) return existing;
    const demo = programme.speakers.find((speaker) => speaker.slug === slug);
    if (!demo) throw new Error(`The demo programme names a speaker it does not describe: ${slug}`);
    return this.speakers.create({ ...demo, bio: texts(demo.bio), conferenceId: String(conferenceId) }, SYSTEM_ACTOR, manager);
  }
}

function texts(text: LocalisedText): LocalisedTextInput[] {
  return Object.entries(text).map(([locale, value]) => ({ locale, text: value }));
}

function instant(local: string, timeZone: string): Date {
  const time = DateTime.fromISO(local, { zone: timeZone });
  if (!time.isValid) throw new Error(`The demo programme has an invalid time: ${local}`);
  return time.toJSDate();
}
