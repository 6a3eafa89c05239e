import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { SearchModule } from '../search/search.module';
import { SpeakerSlug } from './speaker-slug.entity';
import { Speaker } from './speaker.entity';
import { SpeakerLoader } from './speaker.loader';
import { SpeakerResolver } from './speaker.resolver';
import { SpeakerService } from './speaker.service';
import { SpeakerMerge } from './speaker-merge.service';

@Module({
  imports: [TypeOrmModule.forFeature([Speaker, SpeakerSlug]), SearchModule],
  providers: [SpeakerService, SpeakerMerge, SpeakerLoader, SpeakerResolver],
  exports: [SpeakerService, SpeakerLoader],
})
export class SpeakersModule {}
