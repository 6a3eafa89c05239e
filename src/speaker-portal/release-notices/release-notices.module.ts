import { Module } from '@nestjs/common';
import { CalendarModule } from '../../calendar/calendar.module';
import { ReleasesModule } from '../../releases/releases.module';
import { ReleaseNotices } from './release-notices.service';

/** Mails to speakers whose sessions a release moved or cancelled ("told when it matters"). */
@Module({ imports: [ReleasesModule, CalendarModule], providers: [ReleaseNotices] })
export class ReleaseNoticesModule {}
