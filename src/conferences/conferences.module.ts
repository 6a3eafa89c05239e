import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { Conference } from './conference.entity';
import { ConferenceLoader } from './conference.loader';
import { ConferenceResolver } from './conference.resolver';
import { ConferenceService } from './conference.service';
import { Room } from './room.entity';
import { RoomAvailability } from './room-availability.entity';
import { RoomAvailabilityResolver } from './room-availability.resolver';
import { RoomAvailabilityService } from './room-availability.service';
import { RoomResolver } from './room.resolver';
import { RoomService } from './room.service';
import { Track } from './track.entity';
import { TrackResolver } from './track.resolver';
import { TrackService } from './track.service';

@Module({
  imports: [TypeOrmModule.forFeature([Conference, Room, Track, RoomAvailability])],
  providers: [
    ConferenceService,
    RoomService,
    TrackService,
    ConferenceLoader,
    ConferenceResolver,
    RoomResolver,
    TrackResolver,
    RoomAvailabilityService,
    RoomAvailabilityResolver,
  ],
  exports: [ConferenceService, RoomService, TrackService, ConferenceLoader],
})
export class ConferencesModule {}
