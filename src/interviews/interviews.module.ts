import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ConferencesModule } from '../conferences/conferences.module';
import { SessionsModule } from '../sessions/sessions.module';
import { SpeakersModule } from '../speakers/speakers.module';
import { InterviewItem } from './interview-item.entity';
import { InterviewSpeaker } from './interview-speaker.entity';
import { Interview } from './interview.entity';
import { InterviewLoader } from './interview.loader';
import { InterviewItemResolver, InterviewResolver, SessionInterviewsResolver, SpeakerInterviewsResolver } from './interview.resolver';
import { InterviewService } from './interview.service';

@Module({
  imports: [TypeOrmModule.forFeature([Interview, InterviewItem, InterviewSpeaker]), ConferencesModule, SessionsModule, SpeakersModule],
  providers: [
    InterviewService,
    InterviewLoader,
    InterviewResolver,
    InterviewItemResolver,
    SessionInterviewsResolver,
    SpeakerInterviewsResolver,
  ],
  exports: [InterviewService],
})
export class InterviewsModule {}
