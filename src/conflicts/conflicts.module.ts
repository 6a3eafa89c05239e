import { Module } from '@nestjs/common';
import { ConferencesModule } from '../conferences/conferences.module';
import { SessionsModule } from '../sessions/sessions.module';
import { SpeakersModule } from '../speakers/speakers.module';
import { ConflictResolver, SessionConflictResolver } from './conflict.resolver';
import { ConflictService } from './conflict.service';

/** Clashes and gaps in programmes, found by set-based queries; organisers see them before they release. */
@Module({
  imports: [ConferencesModule, SpeakersModule, SessionsModule],
  providers: [ConflictService, ConflictResolver, SessionConflictResolver],
  exports: [ConflictService],
})
export class ConflictsModule {}
