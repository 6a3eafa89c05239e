import { Module } from '@nestjs/common';
import { ConferencesModule } from '../conferences/conferences.module';
import { ReleasesModule } from '../releases/releases.module';
import { LiveProgrammes } from './live-programmes.service';
import { PublishedProgrammes } from './published-programmes.service';

/** The published programme as every output reads it; see `PublishedProgrammes` and `public-rule.ts`. */
@Module({
  imports: [ConferencesModule, ReleasesModule],
  providers: [PublishedProgrammes, LiveProgrammes],
  exports: [PublishedProgrammes],
})
export class PublishedModule {}
