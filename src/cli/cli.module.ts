import { DynamicModule, Module } from '@nestjs/common';
import { AuthModule } from '../auth/auth.module';
import { LecternConfigModule } from '../config/config.module';
import { AppConfig } from '../config/configuration';
import { DatabaseCopy } from '../database/database-copy';
import { DatabaseModule } from '../database/database.module';
import { SqliteBackup } from '../database/sqlite-backup';
import { DemoModule } from '../demo/demo.module';
import { ProgrammeImportModule } from '../exchange/import/programme-import.module';
import { OrganisersModule } from '../organisers/organisers.module';
import { SiteExportModule } from '../site/site-export.module';
import { CliProgram } from './cli-program';
import { DbBackupCommand } from './db-backup.command';
import { DbCopyCommand } from './db-copy.command';
import { DbMigrateCommand } from './db-migrate.command';
import { DbRestoreCommand } from './db-restore.command';
import { DemoLoadCommand } from './demo-load.command';
import { ProgrammeImportCommand } from './programme-import.command';
import { SiteExportCommand } from './site-export.command';
import { TokenCreateCommand } from './token-create.command';
import { SpeakerInviteCommand } from './speaker-invite.command';
import { MailModule } from '../mail/mail.module';
import { InvitationsModule } from '../speaker-portal/invitations/invitations.module';

@Module({
  imports: [
    DatabaseModule,
    AuthModule,
    DemoModule,
    OrganisersModule,
    ProgrammeImportModule,
    SiteExportModule,
    MailModule,
    InvitationsModule,
  ],
  providers: [
    CliProgram,
    DbMigrateCommand,
    DemoLoadCommand,
    ProgrammeImportCommand,
    SiteExportCommand,
    TokenCreateCommand,
    SpeakerInviteCommand,
    DbBackupCommand,
    DbRestoreCommand,
    DbCopyCommand,
    SqliteBackup,
    DatabaseCopy,
  ],
})
export class CliModule {
  static with(config: AppConfig): DynamicModule {
    return { module: CliModule, imports: [LecternConfigModule.with(config)] };
  }
}
