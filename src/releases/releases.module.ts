import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ConferencesModule } from '../conferences/conferences.module';
import { ConflictsModule } from '../conflicts/conflicts.module';
import { ChangesFeedController } from './changes-feed.controller';
import { ReleaseResolver, ReleasedSessionResolver } from './release.resolver';
import { ReleaseService } from './release.service';
import { ScheduleRelease } from './schedule-release.entity';

/** Schedule releases, their changelogs, the programme pinned to a release, and the Atom feed of releases. */
@Module({
  imports: [TypeOrmModule.forFeature([ScheduleRelease]), ConferencesModule, ConflictsModule],
  controllers: [ChangesFeedController],
  providers: [ReleaseService, ReleaseResolver, ReleasedSessionResolver],
  exports: [ReleaseService],
})
export class ReleasesModule {}
