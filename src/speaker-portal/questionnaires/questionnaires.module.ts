import { Module } from '@nestjs/common';

/** Questionnaires organisers write and speakers answer, published as interviews. */
@Module({})
export class QuestionnairesModule {}
