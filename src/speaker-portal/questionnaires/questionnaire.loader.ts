import { Injectable } from '@nestjs/common';
import { RequestContext } from '../../auth/request-context';
import { byKey, groupedByKey, requestLoader } from '../../common/loaders';
import { Interview } from '../../interviews/interview.entity';
import { InterviewService } from '../../interviews/interview.service';
import { QuestionnaireAssignment } from './questionnaire-assignment.entity';
import { Questionnaire } from './questionnaire.entity';
import { QuestionnaireService } from './questionnaire.service';

/** Batched reads below a questionnaire or an assignment, which the reader already may see. */
@Injectable()
export class QuestionnaireLoader {
  constructor(
    private readonly questionnaires: QuestionnaireService,
    private readonly interviews: InterviewService,
  ) {}

  questionnaire(context: RequestContext, id: number): Promise<Questionnaire | null> {
    return requestLoader<number, Questionnaire | null>(context, 'questionnaire', async (ids) =>
      byKey(ids, await this.questionnaires.byIds(ids), (q) => q.id),
    ).load(id);
  }

  prime(context: RequestContext, questionnaire: Questionnaire): void {
    requestLoader<number, Questionnaire | null>(context, 'questionnaire', async (ids) =>
      byKey(ids, await this.questionnaires.byIds(ids), (q) => q.id),
    ).prime(questionnaire.id, questionnaire);
  }

  assignments(context: RequestContext, questionnaireId: number): Promise<QuestionnaireAssignment[]> {
    return requestLoader<number, QuestionnaireAssignment[]>(context, 'questionnaireAssignments', async (ids) =>
      groupedByKey(ids, await this.questionnaires.assignmentsOf(ids), (a) => a.questionnaireId),
    ).load(questionnaireId);
  }

  /** The interview a questionnaire was published as, if the reader may see it. */
  interview(context: RequestContext, id: number): Promise<Interview | null> {
    return requestLoader<number, Interview | null>(context, 'questionnaireInterview', async (ids) =>
      byKey(
        ids,
        await this.interviews
          .visible(context.viewer)
          .andWhereInIds([...ids])
          .getMany(),
        (i) => i.id,
      ),
    ).load(id);
  }
}
