import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { Validation } from '../common/validation';
import { Transactions } from '../database/transactions';
import { ProgrammeEvents } from '../events/programme-events';
import { ConferencePartService } from './conference-part.service';
import { ConferenceService } from './conference.service';
import { UpdateRoomInput } from './conference.inputs';
import { Room } from './room.entity';
import { Changes } from '../common/mutation-input';

@Injectable()
export class RoomService extends ConferencePartService<Room, Changes<UpdateRoomInput>> {
  protected readonly entity = Room;
  protected readonly noun = 'room';

  constructor(dataSource: DataSource, transactions: Transactions, conferences: ConferenceService, events: ProgrammeEvents) {
    super(dataSource, transactions, conferences, events);
  }

  protected checkExtra(changes: Changes<UpdateRoomInput>, v: Validation): void {
    v.url(changes.streamUrl, 'streamUrl');
    if (changes.capacity != null) v.check(changes.capacity >= 0, 'capacity', 'must be 0 or more');
    v.check(changes.published !== null, 'published', 'cannot be cleared');
  }
}
