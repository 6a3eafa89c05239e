import { Global, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { APP_CONFIG, AppConfig } from '../config/configuration';
import { dataSourceOptions } from './data-source-options';
import { ProgrammeEvents } from '../events/programme-events';
import { Transactions } from './transactions';

@Global()
@Module({
  imports: [
    TypeOrmModule.forRootAsync({
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => ({ ...dataSourceOptions(config), autoLoadEntities: true }),
    }),
  ],
  providers: [Transactions, ProgrammeEvents],
  exports: [Transactions, ProgrammeEvents],
})
export class DatabaseModule {}
