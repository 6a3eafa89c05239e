import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { Validation } from '../common/validation';
import { Transactions } from '../database/transactions';
import { ProgrammeEvents } from '../events/programme-events';
import { ConferencePartService } from './conference-part.service';
import { ConferenceService } from './conference.service';
import { UpdateTrackInput } from './conference.inputs';
import { Track } from './track.entity';
import { Changes } from '../common/mutation-input';

@Injectable()
export class TrackService extends ConferencePartService<Track, Changes<UpdateTrackInput>> {
  protected readonly entity = Track;
  protected readonly noun = 'track';

  constructor(dataSource: DataSource, transactions: Transactions, conferences: ConferenceService, events: ProgrammeEvents) {
    super(dataSource, transactions, conferences, events);
  }

  protected checkExtra(changes: Changes<UpdateTrackInput>, v: Validation): void {
    if (changes.color != null) v.check(/^#[0-9a-fA-F]{6}$/.test(changes.color), 'color', 'must be a colour like "#1a7f37"');
    v.check(changes.published !== null, 'published', 'cannot be cleared');
  }
}
