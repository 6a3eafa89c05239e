import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { Organiser } from '../../auth/organiser.entity';
import { ConferencesModule } from '../../conferences/conferences.module';
import { Appearance } from '../../sessions/appearance.entity';
import { SessionsModule } from '../../sessions/sessions.module';
import { SpeakersModule } from '../../speakers/speakers.module';
import { PhotosModule } from '../photos/photos.module';
import { ProfileChange } from './profile-change.entity';
import { ProfilePages } from './profile-pages.service';
import { ProfilePhotoRoute } from './profile-photo.route';
import { ProfileController } from './profile.controller';
import { ProfileChangeResolver, ProfileViewerResolver } from './profile.resolver';
import { ProfileLoader } from './profile.loader';
import { ProfileService } from './profile.service';
import { SpeakerUnavailability } from './unavailability.entity';

/** A speaker's own profile: changes they propose, organisers' review, and when they cannot speak. */
@Module({
  imports: [
    TypeOrmModule.forFeature([ProfileChange, SpeakerUnavailability, Appearance, Organiser]),
    SpeakersModule,
    SessionsModule,
    ConferencesModule,
    PhotosModule,
  ],
  controllers: [ProfileController],
  providers: [ProfileService, ProfileLoader, ProfileChangeResolver, ProfileViewerResolver, ProfilePages, ProfilePhotoRoute],
  exports: [ProfileService],
})
export class ProfileModule {}
