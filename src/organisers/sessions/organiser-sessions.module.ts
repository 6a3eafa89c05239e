import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { OrganiserSession, OrganiserSignInLink } from './organiser-session.entity';
import { OrganiserSessionResolver } from './organiser-session.resolver';
import { OrganiserSessions } from './organiser-sessions.service';

/** Organisers' console sign-in: sessions in a cookie, opened by a pasted token or a mailed link. */
@Module({
  imports: [TypeOrmModule.forFeature([OrganiserSession, OrganiserSignInLink])],
  providers: [OrganiserSessions, OrganiserSessionResolver],
  exports: [OrganiserSessions],
})
export class OrganiserSessionsModule {}
