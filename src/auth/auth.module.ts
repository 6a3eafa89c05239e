import { Global, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AccessToken } from './access-token.entity';
import { AuthService } from './auth.service';
import { FailedAttempts } from './failed-attempts';
import { OrganiserConference } from './organiser-conference.entity';
import { Organiser } from './organiser.entity';
import { OrganiserGuard } from './organiser.guard';
import { RightsGeneration } from './rights-generation';
import { TokenService } from './token.service';
import { SpeakerGuard } from './speaker-mutation.decorator';
import { ViewerResolver } from './viewer.resolver';

@Global()
@Module({
  imports: [TypeOrmModule.forFeature([Organiser, OrganiserConference, AccessToken])],
  providers: [TokenService, AuthService, OrganiserGuard, SpeakerGuard, RightsGeneration, FailedAttempts, ViewerResolver],
  exports: [TokenService, AuthService, OrganiserGuard, SpeakerGuard],
})
export class AuthModule {}
