import { Module } from '@nestjs/common';
import { CalendarLinks } from '../calendar/calendar-links.service';
import { ConferencesModule } from '../conferences/conferences.module';
import { InterviewsModule } from '../interviews/interviews.module';
import { PublishedModule } from '../published/published.module';
import { SessionsModule } from '../sessions/sessions.module';
import { SpeakersModule } from '../speakers/speakers.module';
import { EmbedController } from './embed.controller';
import { SessionCalendarLinks } from './session-calendar-links';
import { WebsiteApiController } from './website-api.controller';
import { WebsiteReader } from './website-reader.service';
import { WebsiteService } from './website.service';

/**
 * What websites read without GraphQL: the JSON API and the embeddable HTML. Output only: it
 * formats the published programme (PublishedModule) and nothing depends on it; SessionsModule
 * is here for SpeakerDirectory. CalendarLinks (addresses only, no state) is provided here too,
 * so the calendar module need not export it.
 */
@Module({
  imports: [ConferencesModule, SpeakersModule, SessionsModule, InterviewsModule, PublishedModule],
  controllers: [WebsiteApiController, EmbedController],
  providers: [CalendarLinks, SessionCalendarLinks, WebsiteReader, WebsiteService],
  exports: [WebsiteReader, WebsiteService],
})
export class WebsiteModule {}
