import { Module } from '@nestjs/common';
import { CalendarModule } from '../calendar/calendar.module';
import { ConferencesModule } from '../conferences/conferences.module';
import { ExchangeModule } from '../exchange/exchange.module';
import { InterviewsModule } from '../interviews/interviews.module';
import { PublishedModule } from '../published/published.module';
import { SpeakersModule } from '../speakers/speakers.module';
import { WebsiteModule } from '../website/website.module';
import { SiteExport } from './site-export.service';

/** The static copy of a conference's site (`site:export`): the site's pages, the feeds and the exports, as files. */
@Module({
  imports: [ConferencesModule, SpeakersModule, PublishedModule, CalendarModule, WebsiteModule, InterviewsModule, ExchangeModule],
  providers: [SiteExport],
  exports: [SiteExport],
})
export class SiteExportModule {}
