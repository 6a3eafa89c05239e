import { Module } from '@nestjs/common';

/** A speaker's own profile: changes they propose, organisers' review, and when they cannot speak. */
@Module({})
export class ProfileModule {}
