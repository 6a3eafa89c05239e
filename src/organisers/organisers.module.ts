import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { OrganiserConference } from '../auth/organiser-conference.entity';
import { Organiser } from '../auth/organiser.entity';
import { OrganiserResolver } from './organiser.resolver';
import { OrganiserService } from './organiser.service';
import { OrganiserSessionsModule } from './sessions/organiser-sessions.module';

@Module({
  imports: [TypeOrmModule.forFeature([Organiser, OrganiserConference]), OrganiserSessionsModule],
  providers: [OrganiserService, OrganiserResolver],
  exports: [OrganiserService],
})
export class OrganisersModule {}
