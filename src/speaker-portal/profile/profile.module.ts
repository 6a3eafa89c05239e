import { Module, OnModuleInit } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { Organiser } from '../../auth/organiser.entity';
import { ConferencesModule } from '../../conferences/conferences.module';
import { NodeFinder } from '../../nodes/node-finder.service';
import { NodesModule } from '../../nodes/nodes.module';
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
    NodesModule,
  ],
  controllers: [ProfileController],
  providers: [ProfileService, ProfileLoader, ProfileChangeResolver, ProfileViewerResolver, ProfilePages, ProfilePhotoRoute],
  exports: [ProfileService],
})
export class ProfileModule implements OnModuleInit {
  constructor(
    private readonly nodes: NodeFinder,
    private readonly profiles: ProfileService,
  ) {}

  onModuleInit(): void {
    this.nodes.register('ProfileChange', (id, viewer) => this.profiles.visibleChange(id, viewer));
    this.nodes.register('SpeakerUnavailability', (id, viewer) => this.profiles.visiblePeriod(id, viewer));
  }
}
