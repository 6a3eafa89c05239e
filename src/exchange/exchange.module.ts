import { Module } from '@nestjs/common';
import { CalendarModule } from '../calendar/calendar.module';
import { ConferencesModule } from '../conferences/conferences.module';
import { PublishedModule } from '../published/published.module';
import { SpeakersModule } from '../speakers/speakers.module';
import { ExchangeController } from './exchange.controller';
import { ExchangeExports } from './exchange-exports.service';
import { ConferenceExportsResolver } from './exchange-links.resolver';

/** Schedule exports of the published programme (frab XML, schedule JSON v1/v2, xCal, CSV); imports come later. */
@Module({
  imports: [ConferencesModule, SpeakersModule, PublishedModule, CalendarModule],
  controllers: [ExchangeController],
  providers: [ExchangeExports, ConferenceExportsResolver],
})
export class ExchangeModule {}
