import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { Viewer } from '../auth/viewer';
import { readGlobalId } from '../common/global-id';
import { ConferenceService } from '../conferences/conference.service';
import { RoomService } from '../conferences/room.service';
import { TrackService } from '../conferences/track.service';
import { InterviewService } from '../interviews/interview.service';
import { ScheduleRelease } from '../releases/schedule-release.entity';
import { SessionService } from '../sessions/session.service';
import { SpeakerDirectory } from '../sessions/speaker-directory.service';

type Finder = (id: number, viewer: Viewer) => Promise<object | null | undefined>;

/**
 * Finds what a global id names, as the viewer may see it: the same rules as every other query
 * (drafts for their organisers only). Objects that only their owner reaches by other means
 * (organisers, tokens, webhooks, a line-up's appearances, an interview's items) answer null here,
 * as does anything missing or hidden, so an id tells nobody whether it exists.
 */
@Injectable()
export class NodeFinder {
  private readonly finders: Record<string, Finder> = {
    Conference: (id, viewer) => this.conferences.visible(viewer).andWhere('conference.id = :id', { id }).getOne(),
    Session: (id, viewer) => this.sessions.visible(viewer).andWhere('session.id = :id', { id }).getOne(),
    Speaker: (id, viewer) => this.directory.byId(id, viewer),
    Interview: (id, viewer) => this.interviews.visible(viewer).andWhere('interview.id = :id', { id }).getOne(),
    Room: async (id, viewer) => this.inVisibleConference((await this.rooms.byIds([id]))[0], viewer),
    Track: async (id, viewer) => this.inVisibleConference((await this.tracks.byIds([id]))[0], viewer),
    ScheduleRelease: async (id, viewer) => this.inVisibleConference(await this.releases.findOneBy({ id }), viewer),
  };

  constructor(
    private readonly conferences: ConferenceService,
    private readonly sessions: SessionService,
    private readonly directory: SpeakerDirectory,
    private readonly interviews: InterviewService,
    private readonly rooms: RoomService,
    private readonly tracks: TrackService,
    @InjectRepository(ScheduleRelease) private readonly releases: Repository<ScheduleRelease>,
  ) {}

  async find(globalId: string, viewer: Viewer): Promise<object | null> {
    const named = readGlobalId(globalId);
    const finder = named && Object.hasOwn(this.finders, named.type) ? this.finders[named.type] : undefined;
    if (!finder || !/^\d{1,10}$/.test(named!.key)) return null;
    return (await finder(Number(named!.key), viewer)) ?? null;
  }

  private async inVisibleConference<T extends { conferenceId: number }>(part: T | null | undefined, viewer: Viewer): Promise<T | null> {
    if (!part) return null;
    const conference = await this.conferences.visible(viewer).andWhere('conference.id = :id', { id: part.conferenceId }).getOne();
    return conference ? part : null;
  }
}
