import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { SpeakersModule } from '../../speakers/speakers.module';
import { PhotoRendition, SpeakerPhoto } from './photo.entity';
import { PhotoFiles } from './photo-files';
import { PhotoUploadBodies } from './photo-upload-body';
import { PhotosController } from './photos.controller';
import { SpeakerPhotoResolver } from './speaker-photo.resolver';
import { SpeakerPhotos } from './speaker-photos.service';

/** Speakers' photos: uploaded, resized and re-encoded without metadata, stored, and served. */
@Module({
  imports: [TypeOrmModule.forFeature([SpeakerPhoto, PhotoRendition]), SpeakersModule],
  controllers: [PhotosController],
  providers: [SpeakerPhotos, PhotoFiles, PhotoUploadBodies, SpeakerPhotoResolver],
  exports: [SpeakerPhotos],
})
export class PhotosModule {}
