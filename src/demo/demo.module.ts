import { Module } from '@nestjs/common';
import { ConferencesModule } from '../conferences/conferences.module';
import { InterviewsModule } from '../interviews/interviews.module';
import { SessionsModule } from '../sessions/sessions.module';
import { SpeakersModule } from '../speakers/speakers.module';
import { DemoLoader } from './demo-loader.service';

@Module({
  imports: [ConferencesModule, SpeakersModule, SessionsModule, InterviewsModule],
  providers: [DemoLoader],
  exports: [DemoLoader],
})
export class DemoModule {}
