import { Injectable } from '@nestjs/common';
import { RequestContext } from '../auth/request-context';
import { byKey, groupedByKey, requestLoader } from '../common/loaders';
import { Conference } from './conference.entity';
import { ConferenceService } from './conference.service';
import { Room } from './room.entity';
import { RoomService } from './room.service';
import { Track } from './track.entity';
import { TrackService } from './track.service';

/**
 * Batched reads of conferences and their rooms and tracks. They load whatever the status: a
 * reader reaches them only through something already visible to that reader.
 */
@Injectable()
export class ConferenceLoader {
  constructor(
    private readonly conferences: ConferenceService,
    private readonly rooms: RoomService,
    private readonly tracks: TrackService,
  ) {}

  conference(context: RequestContext, id: number): Promise<Conference | null> {
    return this.conferenceLoader(context).load(id);
  }

  /** Hands the loader a conference already read, so fields below it need no second read. */
  prime(context: RequestContext, conference: Conference): void {
    this.conferenceLoader(context).prime(conference.id, conference);
  }

  room(context: RequestContext, id: number | null): Promise<Room | null> {
    if (id === null) return Promise.resolve(null);
    return requestLoader<number, Room | null>(context, 'room', async (ids) => byKey(ids, await this.rooms.byIds(ids), (r) => r.id)).load(
      id,
    );
  }

  track(context: RequestContext, id: number | null): Promise<Track | null> {
    if (id === null) return Promise.resolve(null);
    return requestLoader<number, Track | null>(context, 'track', async (ids) => byKey(ids, await this.tracks.byIds(ids), (t) => t.id)).load(
      id,
    );
  }

  roomsOf(context: RequestContext, conferenceId: number): Promise<Room[]> {
    return requestLoader<number, Room[]>(context, 'roomsOf', async (ids) =>
      groupedByKey(ids, await this.rooms.byConferenceIds(ids), (r) => r.conferenceId),
    ).load(conferenceId);
  }

  tracksOf(context: RequestContext, conferenceId: number): Promise<Track[]> {
    return requestLoader<number, Track[]>(context, 'tracksOf', async (ids) =>
      groupedByKey(ids, await this.tracks.byConferenceIds(ids), (t) => t.conferenceId),
    ).load(conferenceId);
  }

  private conferenceLoader(context: RequestContext) {
    return requestLoader<number, Conference | null>(context, 'conference', async (ids) =>
      byKey(ids, await this.conferences.byIds(ids), (c) => c.id),
    );
  }
}
