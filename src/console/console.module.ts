import { Module } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '../config/configuration';
import { ConsoleController } from './console.controller';
import { CONSOLE_FILES, ConsoleFiles } from './console-files';

/** Serves the organiser console's built files; the console itself speaks only GraphQL. */
@Module({
  controllers: [ConsoleController],
  providers: [{ provide: CONSOLE_FILES, inject: [APP_CONFIG], useFactory: (config: AppConfig) => new ConsoleFiles(config.consoleDir) }],
})
export class ConsoleModule {}
