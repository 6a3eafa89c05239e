import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AccessToken } from '../auth/access-token.entity';
import { Organiser } from '../auth/organiser.entity';
import { InterviewItem } from '../interviews/interview-item.entity';
import { Appearance } from '../sessions/appearance.entity';
import { Webhook } from '../webhooks/webhook.entity';
import { ConferencesModule } from '../conferences/conferences.module';
import { InterviewsModule } from '../interviews/interviews.module';
import { ScheduleRelease } from '../releases/schedule-release.entity';
import { SessionsModule } from '../sessions/sessions.module';
import { NodeFinder } from './node-finder.service';
import { NodeResolver } from './node.resolver';

@Module({
  imports: [
    TypeOrmModule.forFeature([ScheduleRelease, Appearance, InterviewItem, Webhook, Organiser, AccessToken]),
    ConferencesModule,
    SessionsModule,
    InterviewsModule,
  ],
  providers: [NodeFinder, NodeResolver],
  exports: [NodeFinder],
})
export class NodesModule {}
