import { Module } from '@nestjs/common';
import { CalendarModule } from '../calendar/calendar.module';
import { ConferencesModule } from '../conferences/conferences.module';
import { PublishedModule } from '../published/published.module';
import { SpeakersModule } from '../speakers/speakers.module';
import { WebsiteModule } from '../website/website.module';
import { SiteController } from './site.controller';
import { SitePages } from './site-pages.service';

/**
 * The public programme site. Output only: it formats the published programme (PublishedModule),
 * reads profiles and interviews as websites do (WebsiteReader), and keeps its pages in the feeds'
 * cache (CalendarModule), whose agendas its stars write.
 */
@Module({
  imports: [ConferencesModule, SpeakersModule, PublishedModule, CalendarModule, WebsiteModule],
  controllers: [SiteController],
  providers: [SitePages],
  exports: [SitePages],
})
export class SiteModule {}
