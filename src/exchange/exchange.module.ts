import { Module } from '@nestjs/common';
import { CalendarModule } from '../calendar/calendar.module';
import { ConferencesModule } from '../conferences/conferences.module';
import { PublishedModule } from '../published/published.module';
import { SpeakersModule } from '../speakers/speakers.module';
import { ExchangeController } from './exchange.controller';
import { ExchangeExports } from './exchange-exports.service';
import { ConferenceExportsResolver } from './exchange-links.resolver';
import { ProgrammeImportModule } from './import/programme-import.module';
import { ProgrammeImportResolver } from './import/programme-import.resolver';

/** Schedule exports of the published programme (frab XML, schedule JSON v1/v2, xCal, CSV), and imports into a conference. */
@Module({
  imports: [ConferencesModule, SpeakersModule, PublishedModule, CalendarModule, ProgrammeImportModule],
  controllers: [ExchangeController],
  providers: [ExchangeExports, ConferenceExportsResolver, ProgrammeImportResolver],
  exports: [ExchangeExports],
})
export class ExchangeModule {}
