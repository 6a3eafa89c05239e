import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { AccessToken } from '../auth/access-token.entity';
import { Organiser } from '../auth/organiser.entity';
import { organises, Viewer } from '../auth/viewer';
import { readGlobalId } from '../common/global-id';
import { ConferenceService } from '../conferences/conference.service';
import { RoomService } from '../conferences/room.service';
import { TrackService } from '../conferences/track.service';
import { InterviewItem } from '../interviews/interview-item.entity';
import { InterviewService } from '../interviews/interview.service';
import { ScheduleRelease } from '../releases/schedule-release.entity';
import { Appearance } from '../sessions/appearance.entity';
import { SessionService } from '../sessions/session.service';
import { SpeakerDirectory } from '../sessions/speaker-directory.service';
import { Webhook } from '../webhooks/webhook.entity';

export type NodeFinderOf = (id: number, viewer: Viewer) => Promise<object | null | undefined>;
type Finder = NodeFinderOf;

/**
 * Finds what a global id names, as the viewer may see it, by the same rules as every other query:
 * drafts for their organisers only; an appearance or an interview's item with its session or
 * interview; a webhook for its conference's organisers; an organiser and their tokens for
 * themselves and admins. Anything missing or hidden answers null alike, so an id tells nobody
 * whether it exists.
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
    Appearance: async (id, viewer) => {
      const appearance = await this.appearances.findOneBy({ id });
      const session = appearance && (await this.finders.Session(appearance.sessionId, viewer));
      return session ? appearance : null;
    },
    InterviewItem: async (id, viewer) => {
      const item = await this.items.findOneBy({ id });
      const interview = item && (await this.finders.Interview(item.interviewId, viewer));
      return interview ? item : null;
    },
    Webhook: async (id, viewer) => {
      const webhook = await this.webhooks.findOneBy({ id });
      return webhook && organises(viewer, webhook.conferenceId) ? webhook : null;
    },
    Organiser: async (id, viewer) => (viewer.admin || viewer.organiserId === id ? this.organisers.findOneBy({ id }) : null),
    AccessToken: async (id, viewer) => {
      const token = await this.tokens.findOneBy({ id });
      return token && (viewer.admin || token.organiserId === viewer.organiserId) ? token : null;
    },
  };

  constructor(
    private readonly conferences: ConferenceService,
    private readonly sessions: SessionService,
    private readonly directory: SpeakerDirectory,
    private readonly interviews: InterviewService,
    private readonly rooms: RoomService,
    private readonly tracks: TrackService,
    @InjectRepository(ScheduleRelease) private readonly releases: Repository<ScheduleRelease>,
    @InjectRepository(Appearance) private readonly appearances: Repository<Appearance>,
    @InjectRepository(InterviewItem) private readonly items: Repository<InterviewItem>,
    @InjectRepository(Webhook) private readonly webhooks: Repository<Webhook>,
    @InjectRepository(Organiser) private readonly organisers: Repository<Organiser>,
    @InjectRepository(AccessToken) private readonly tokens: Repository<AccessToken>,
  ) {}

  /**
   * A Node type of a module above this one (the speaker's page, mail): it tells how to find its
   * items for a viewer, so this module needs none of theirs.
   */
  register(type: string, finder: NodeFinderOf): void {
    if (Object.hasOwn(this.finders, type)) throw new Error(`node type ${type} is registered already`);
    this.finders[type] = finder;
  }

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
