import { Body, Controller, Get, Inject, Param, Post, Query, Req, Res, UseFilters } from '@nestjs/common';
import { FastifyReply, FastifyRequest } from 'fastify';
import { QueryParameters } from '../../calendar/feed-parameters';
import { UserError } from '../../common/errors';
import { APP_CONFIG, AppConfig } from '../../config/configuration';
import { HtmlUserErrorFilter } from '../../site/site-errors';
import { csrfTokenOf } from '../invitations/speaker-sessions.service';
import { portalContext, portalSpeaker, redirectAfterPost, sendPortalPage } from '../pages/portal-page';
import { AnswerInput } from './questionnaire.inputs';
import { answerField, questionnairePage, questionnairesPage } from './questionnaire-pages';
import { QuestionnaireService } from './questionnaire.service';

const STATUS_OF: Record<string, number> = { BAD_USER_INPUT: 400, CONFLICT: 409 };

/** The speaker's questionnaires as pages: forms post the same service calls GraphQL makes. */
@Controller('me/questionnaires')
@UseFilters(HtmlUserErrorFilter)
export class QuestionnairePagesController {
  private readonly base: string;

  constructor(
    @Inject(APP_CONFIG) config: AppConfig,
    private readonly questionnaires: QuestionnaireService,
  ) {
    this.base = config.publicBaseUrl;
  }

  @Get()
  async list(@Query() query: QueryParameters, @Req() request: FastifyRequest, @Res() reply: FastifyReply) {
    const context = portalContext(request, query, this.base);
    if (portalSpeaker(request, reply, context) === null) return;
    const shown = await this.questionnaires.shownOwn(request.viewer);
    sendPortalPage(reply, context, questionnairesPage(context, csrfTokenOf(request.speakerSession!), shown));
  }

  @Get(':id')
  async show(@Param('id') id: string, @Query() query: QueryParameters, @Req() request: FastifyRequest, @Res() reply: FastifyReply) {
    const context = portalContext(request, query, this.base);
    if (portalSpeaker(request, reply, context) === null) return;
    const shown = await this.questionnaires.shownOwn(request.viewer, id);
    const done = query.saved !== undefined ? 'saved' : query.submitted !== undefined ? 'submitted' : undefined;
    sendPortalPage(reply, context, questionnairePage(context, csrfTokenOf(request.speakerSession!), shown[0], { done }));
  }

  @Post(':id')
  async answer(
    @Param('id') id: string,
    @Body() body: Record<string, unknown> | undefined,
    @Query() query: QueryParameters,
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
  ) {
    const context = portalContext(request, query, this.base);
    if (portalSpeaker(request, reply, context) === null) return;
    const [shown] = await this.questionnaires.shownOwn(request.viewer, id);
    const values: Record<string, string> = {};
    const answers: AnswerInput[] = shown.questions.map((question, index) => ({
      questionKey: question.key,
      text: shown.questionnaire.locales.map((locale) => {
        const field = answerField(index, locale);
        const sent = body?.[field];
        values[field] = typeof sent === 'string' ? sent : '';
        return { locale, text: values[field] };
      }),
    }));
    const submitting = body?.action === 'submit';
    try {
      if (submitting) await this.questionnaires.submitOwnAnswers(String(shown.assignment.id), answers, request.viewer);
      else await this.questionnaires.saveOwnAnswers(String(shown.assignment.id), answers, request.viewer);
    } catch (error) {
      if (!(error instanceof UserError) || !(error.code in STATUS_OF)) throw error;
      const csrf = csrfTokenOf(request.speakerSession!);
      const form = error.problems ? { values, problems: error.problems } : { values, message: error.message };
      return sendPortalPage(reply, context, questionnairePage(context, csrf, shown, form), STATUS_OF[error.code]);
    }
    redirectAfterPost(
      reply,
      context,
      `/me/questionnaires/${shown.assignment.id}`,
      new URLSearchParams({ [submitting ? 'submitted' : 'saved']: '' }),
    );
  }
}
