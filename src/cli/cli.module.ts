import { Module } from '@nestjs/common';
import { AuthModule } from '../auth/auth.module';
import { LecternConfigModule } from '../config/config.module';
import { DatabaseModule } from '../database/database.module';
import { DemoModule } from '../demo/demo.module';
import { OrganisersModule } from '../organisers/organisers.module';
import { DbMigrateCommand } from './db-migrate.command';
import { DemoLoadCommand } from './demo-load.command';
import { TokenCreateCommand } from './token-create.command';

@Module({
  imports: [LecternConfigModule, DatabaseModule, AuthModule, DemoModule, OrganisersModule],
  providers: [DbMigrateCommand, DemoLoadCommand, TokenCreateCommand],
})
export class CliModule {}
