import { Module } from '@nestjs/common';
import { ConferencesModule } from '../conferences/conferences.module';
import { SessionsModule } from '../sessions/sessions.module';
import { LiveChanges } from './live-changes.service';
import { LiveResolver } from './live.resolver';
import { PublishedModule } from '../published/published.module';

/** GraphQL subscriptions to programme changes, delivered on every instance. */
@Module({
  imports: [ConferencesModule, SessionsModule, PublishedModule],
  providers: [LiveChanges, LiveResolver],
})
export class LiveModule {}
