import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager, In } from 'typeorm';
import { requireOrganiserOf, Viewer } from '../auth/viewer';
import { parseId } from '../common/entities';
import { notFound } from '../common/errors';
import { Validation } from '../common/validation';
import { Transactions } from '../database/transactions';
import { RoomAvailability } from './room-availability.entity';
import { Room } from './room.entity';

export interface TimeWindow {
  startsAt: Date;
  endsAt: Date;
}

const MAX_WINDOWS = 100;

/** When a room can be used: sessions outside every window of a room that has windows are a conflict. */
@Injectable()
export class RoomAvailabilityService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly transactions: Transactions,
  ) {}

  ofRooms(roomIds: readonly number[]): Promise<RoomAvailability[]> {
    return this.dataSource
      .getRepository(RoomAvailability)
      .find({ where: { roomId: In([...roomIds]) }, order: { startsAt: 'ASC', id: 'ASC' } });
  }

  /** Replaces the room's windows; an empty list makes the room available throughout. */
  set(roomId: string, windows: TimeWindow[], actor: Viewer, within?: EntityManager): Promise<Room> {
    return this.transactions.run(async (manager) => {
      const room = await manager.findOneBy(Room, { id: parseId(roomId, 'room', 'roomId') });
      if (!room) throw notFound('room', 'roomId', roomId);
      requireOrganiserOf(actor, room.conferenceId, 'roomId');
      const v = new Validation();
      v.check(windows.length <= MAX_WINDOWS, 'windows', `at most ${MAX_WINDOWS} windows`);
      windows.forEach((window, i) =>
        v.check(window.endsAt.getTime() > window.startsAt.getTime(), `windows[${i}].endsAt`, 'must be after startsAt'),
      );
      v.throwIfFailed();
      await manager.delete(RoomAvailability, { roomId: room.id });
      if (windows.length)
        await manager.insert(
          RoomAvailability,
          windows.map(({ startsAt, endsAt }) => ({ roomId: room.id, startsAt, endsAt })),
        );
      return room;
    }, within);
  }
}
