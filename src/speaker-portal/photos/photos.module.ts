import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { SpeakersModule } from '../../speakers/speakers.module';
import { PhotoRendition, SpeakerPhoto } from './photo.entity';
import { SpeakerPhotos } from './speaker-photos.service';

/** Speakers' photos: uploaded, resized and re-encoded without metadata, stored, and served. */
@Module({
  imports: [TypeOrmModule.forFeature([SpeakerPhoto, PhotoRendition]), SpeakersModule],
  providers: [SpeakerPhotos],
  exports: [SpeakerPhotos],
})
export class PhotosModule {}
