import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ConferencesModule } from '../conferences/conferences.module';
import { PublishedModule } from '../published/published.module';
import { SessionsModule } from '../sessions/sessions.module';
import { SpeakersModule } from '../speakers/speakers.module';
import { Agenda, AgendaSession } from './agenda.entity';
import { AgendaResolver } from './agenda.resolver';
import { AgendaService } from './agenda.service';
import { CalendarEvent } from './calendar-event.entity';
import { CalendarFeeds } from './calendar-feeds.service';
import { CalendarLedger } from './calendar-ledger.service';
import { EventRenderings } from './event-renderings';
import { CalendarEntryLoader } from './calendar-entry.loader';
import { CalendarLinks } from './calendar-links.service';
import {
  ConferenceCalendarResolver,
  RoomCalendarResolver,
  SessionCalendarResolver,
  SpeakerCalendarResolver,
  TrackCalendarResolver,
} from './calendar-links.resolver';
import { CalendarController } from './calendar.controller';
import { FeedCache } from './feed-cache.service';
import { FeedRevalidation } from './feed-revalidation';

/** iCal feeds of the published programme, personal agendas, and the feed addresses on the GraphQL types. */
@Module({
  imports: [
    TypeOrmModule.forFeature([Agenda, AgendaSession, CalendarEvent]),
    ConferencesModule,
    SpeakersModule,
    SessionsModule,
    PublishedModule,
  ],
  controllers: [CalendarController],
  providers: [
    FeedCache,
    FeedRevalidation,
    CalendarFeeds,
    CalendarLedger,
    EventRenderings,
    CalendarLinks,
    CalendarEntryLoader,
    AgendaService,
    AgendaResolver,
    ConferenceCalendarResolver,
    TrackCalendarResolver,
    RoomCalendarResolver,
    SpeakerCalendarResolver,
    SessionCalendarResolver,
  ],
  exports: [FeedCache, FeedRevalidation, AgendaService, CalendarLinks, CalendarFeeds],
})
export class CalendarModule {}
