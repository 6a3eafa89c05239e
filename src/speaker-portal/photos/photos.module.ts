import { Module } from '@nestjs/common';

/** Speakers' photos: uploaded, resized and re-encoded without metadata, stored, and served. */
@Module({})
export class PhotosModule {}
