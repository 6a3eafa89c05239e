import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { SpeakersModule } from '../../speakers/speakers.module';
import { PhotoRendition, SpeakerPhoto } from './photo.entity';
import { PhotoUploadBodies } from './photo-upload-body';
import { PhotosController } from './photos.controller';
import { SpeakerPhotos } from './speaker-photos.service';

/** Speakers' photos: uploaded, resized and re-encoded without metadata, stored, and served. */
@Module({
  imports: [TypeOrmModule.forFeature([SpeakerPhoto, PhotoRendition]), SpeakersModule],
  controllers: [PhotosController],
  providers: [SpeakerPhotos, PhotoUploadBodies],
  exports: [SpeakerPhotos],
})
export class PhotosModule {}
