import { DynamicModule, Module } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from './configuration';

/** Gives every module the configuration the entry point read (or a test built). */
@Module({})
export class LecternConfigModule {
  static with(config: AppConfig): DynamicModule {
    return { module: LecternConfigModule, global: true, providers: [{ provide: APP_CONFIG, useValue: config }], exports: [APP_CONFIG] };
  }
}
