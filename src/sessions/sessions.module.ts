import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ConferencesModule } from '../conferences/conferences.module';
import { SearchModule } from '../search/search.module';
import { SpeakersModule } from '../speakers/speakers.module';
import { Appearance } from './appearance.entity';
import { AppearanceResolver } from './appearance.resolver';
import { AppearanceService } from './appearance.service';
import { ConferenceProgrammeResolver, SpeakerProgrammeResolver } from './programme.resolver';
import { Session } from './session.entity';
import { SessionLoader } from './session.loader';
import { SessionResolver } from './session.resolver';
import { SessionService } from './session.service';
import { SpeakerDirectory } from './speaker-directory.service';

@Module({
  imports: [TypeOrmModule.forFeature([Session, Appearance]), ConferencesModule, SpeakersModule, SearchModule],
  providers: [
    SessionService,
    AppearanceService,
    SpeakerDirectory,
    SessionLoader,
    SessionResolver,
    AppearanceResolver,
    ConferenceProgrammeResolver,
    SpeakerProgrammeResolver,
  ],
  exports: [SessionService, AppearanceService, SpeakerDirectory, SessionLoader],
})
export class SessionsModule {}
