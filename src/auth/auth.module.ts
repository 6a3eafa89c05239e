import { Global, Module } from '@nestjs/common';
import { AuthService } from './auth.service';
import { OrganiserGuard } from './organiser.guard';

@Global()
@Module({ providers: [AuthService, OrganiserGuard], exports: [AuthService, OrganiserGuard] })
export class AuthModule {}
