import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ConferencesModule } from '../conferences/conferences.module';
import { InterviewsModule } from '../interviews/interviews.module';
import { ScheduleRelease } from '../releases/schedule-release.entity';
import { SessionsModule } from '../sessions/sessions.module';
import { NodeFinder } from './node-finder.service';
import { NodeResolver } from './node.resolver';

@Module({
  imports: [TypeOrmModule.forFeature([ScheduleRelease]), ConferencesModule, SessionsModule, InterviewsModule],
  providers: [NodeFinder, NodeResolver],
})
export class NodesModule {}
