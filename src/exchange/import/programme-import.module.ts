import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ConferencesModule } from '../../conferences/conferences.module';
import { SessionsModule } from '../../sessions/sessions.module';
import { SpeakersModule } from '../../speakers/speakers.module';
import { ImportSource } from './import-source.entity';
import { ProgrammeImporter } from './programme-importer.service';

/** Schedule imports (frab XML, schedule JSON v1/v2) through the domain services; shared by GraphQL and the CLI. */
@Module({
  imports: [TypeOrmModule.forFeature([ImportSource]), ConferencesModule, SpeakersModule, SessionsModule],
  providers: [ProgrammeImporter],
  exports: [ProgrammeImporter],
})
export class ProgrammeImportModule {}
