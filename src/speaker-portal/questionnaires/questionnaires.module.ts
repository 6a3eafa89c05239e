import { Module, OnModuleInit } from '@nestjs/common';
import { NodeFinder } from '../../nodes/node-finder.service';
import { NodesModule } from '../../nodes/nodes.module';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ConferencesModule } from '../../conferences/conferences.module';
import { InterviewsModule } from '../../interviews/interviews.module';
import { SessionsModule } from '../../sessions/sessions.module';
import { SpeakersModule } from '../../speakers/speakers.module';
import { QuestionnaireAssignment } from './questionnaire-assignment.entity';
import { Questionnaire } from './questionnaire.entity';
import { QuestionnaireLoader } from './questionnaire.loader';
import { QuestionnairePagesController } from './questionnaire-pages.controller';
import { QuestionnaireReminders } from './questionnaire-reminders';
import {
  QuestionnaireAnswerResolver,
  QuestionnaireAssignmentResolver,
  QuestionnaireQuestionResolver,
  QuestionnaireResolver,
  ViewerQuestionnairesResolver,
} from './questionnaire.resolver';
import { QuestionnaireService } from './questionnaire.service';

/** Questionnaires organisers write and speakers answer, published as interviews. */
@Module({
  imports: [
    TypeOrmModule.forFeature([Questionnaire, QuestionnaireAssignment]),
    ConferencesModule,
    SessionsModule,
    SpeakersModule,
    InterviewsModule,
    NodesModule,
  ],
  controllers: [QuestionnairePagesController],
  providers: [
    QuestionnaireService,
    QuestionnaireLoader,
    QuestionnaireReminders,
    QuestionnaireResolver,
    QuestionnaireAssignmentResolver,
    QuestionnaireQuestionResolver,
    QuestionnaireAnswerResolver,
    ViewerQuestionnairesResolver,
  ],
  exports: [QuestionnaireService],
})
export class QuestionnairesModule implements OnModuleInit {
  constructor(
    private readonly nodes: NodeFinder,
    private readonly questionnaires: QuestionnaireService,
  ) {}

  onModuleInit(): void {
    this.nodes.register('Questionnaire', (id, viewer) => this.questionnaires.visibleQuestionnaire(id, viewer));
    this.nodes.register('QuestionnaireAssignment', (id, viewer) => this.questionnaires.visibleAssignment(id, viewer));
  }
}
