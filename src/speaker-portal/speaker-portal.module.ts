import { Module } from '@nestjs/common';
import { InvitationsModule } from './invitations/invitations.module';
import { PhotosModule } from './photos/photos.module';
import { ProfileModule } from './profile/profile.module';
import { QuestionnairesModule } from './questionnaires/questionnaires.module';
import { ReleaseNoticesModule } from './release-notices/release-notices.module';

/** Where speakers keep their own profile and answer their interviews (the speaker's page under /me). */
@Module({ imports: [InvitationsModule, PhotosModule, ProfileModule, QuestionnairesModule, ReleaseNoticesModule] })
export class SpeakerPortalModule {}
