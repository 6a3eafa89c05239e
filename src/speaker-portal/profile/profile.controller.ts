import { Body, Controller, Get, Inject, Param, Post, Query, Req, Res, UseFilters } from '@nestjs/common';
import { FastifyReply, FastifyRequest } from 'fastify';
import { QueryParameters } from '../../calendar/feed-parameters';
import { UserError } from '../../common/errors';
import { APP_CONFIG, AppConfig } from '../../config/configuration';
import { HtmlUserErrorFilter } from '../../site/site-errors';
import { one, readPlainQuery } from '../../site/site-request';
import { PageContext } from '../../site/site-context';
import { csrfTokenOf } from '../invitations/speaker-sessions.service';
import { portalContext, portalSpeaker, redirectAfterPost, sendPortalPage } from '../pages/portal-page';
import { ProfilePageForms } from '../pages/profile-page';
import { ProfileChangeStatus } from './profile-change.entity';
import {
  appearanceInputOf,
  fieldErrors,
  FormBody,
  field,
  profileInputOf,
  readAppearanceForm,
  readProfileForm,
  readUnavailabilityForm,
  unavailabilityFormField,
  unavailabilityInputOf,
  withSpareRows,
} from './profile-forms';
import { ProfilePages } from './profile-pages.service';
import { ProfileService } from './profile.service';

const NOTICES = ['saved', 'pending', 'photo', 'photoPending', 'appearance', 'appearancePending', 'unavailability', 'removed'];

/**
 * The speaker's own profile page (/me) and its forms. Each form calls the ProfileService method
 * the GraphQL mutation calls; a refusal shows the page again with the errors beside the fields.
 * The photo upload (multipart) is ProfilePhotoRoute's.
 */
@Controller('me')
@UseFilters(HtmlUserErrorFilter)
export class ProfileController {
  private readonly base: string;

  constructor(
    @Inject(APP_CONFIG) config: AppConfig,
    private readonly profiles: ProfileService,
    private readonly pages: ProfilePages,
  ) {
    this.base = config.publicBaseUrl;
  }

  @Get()
  async page(@Query() query: QueryParameters, @Req() request: FastifyRequest, @Res() reply: FastifyReply) {
    readPlainQuery(query, ['done']);
    const context = portalContext(request, query, this.base);
    if (portalSpeaker(request, reply, context) === null) return;
    const done = one(query, 'done');
    this.send(request, reply, context, { notice: done && NOTICES.includes(done) ? done : undefined });
  }

  /** Saves the profile form, or with `action=preview` shows it again with the bios as the public will read them. */
  @Post('profile')
  async profile(@Body() body: FormBody, @Query() query: QueryParameters, @Req() request: FastifyRequest, @Res() reply: FastifyReply) {
    const context = portalContext(request, query, this.base);
    if (portalSpeaker(request, reply, context) === null) return;
    const form = readProfileForm(body);
    const shown = { ...form, links: withSpareRows(form.links) };
    if (field(body, 'action') === 'preview') return this.send(request, reply, context, { profile: shown, preview: true });
    const { input, formFieldOf } = profileInputOf(form);
    try {
      const change = await this.profiles.proposeProfileChange(input, request.viewer);
      redirectAfterPost(reply, context, '/me', done(change.status === ProfileChangeStatus.PENDING ? 'pending' : 'saved'));
    } catch (error) {
      if (!(error instanceof UserError)) throw error;
      this.send(request, reply, context, { profile: shown, profileErrors: fieldErrors(error, formFieldOf) }, 400);
    }
  }

  @Post('appearances/:id')
  async appearance(
    @Param('id') id: string,
    @Body() body: FormBody,
    @Query() query: QueryParameters,
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
  ) {
    const context = portalContext(request, query, this.base);
    if (portalSpeaker(request, reply, context) === null) return;
    const values = readAppearanceForm(body);
    try {
      const change = await this.profiles.proposeAppearanceChange(appearanceInputOf(id, values), request.viewer);
      redirectAfterPost(reply, context, '/me', done(change.status === ProfileChangeStatus.PENDING ? 'appearancePending' : 'appearance'));
    } catch (error) {
      if (!(error instanceof UserError) || error.code === 'NOT_FOUND') throw error;
      const errors = fieldErrors(error, (at) => (at === 'title' || at === 'organisation' ? at : 'form'));
      this.send(request, reply, context, { appearance: { id: Number(id), values, errors } }, 400);
    }
  }

  @Post('unavailability')
  async addUnavailability(
    @Body() body: FormBody,
    @Query() query: QueryParameters,
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
  ) {
    const context = portalContext(request, query, this.base);
    if (portalSpeaker(request, reply, context) === null) return;
    const values = readUnavailabilityForm(body, await this.pages.defaultZone(request.viewer));
    try {
      await this.profiles.addUnavailability(unavailabilityInputOf(values), request.viewer);
      redirectAfterPost(reply, context, '/me', done('unavailability'));
    } catch (error) {
      if (!(error instanceof UserError)) throw error;
      this.send(request, reply, context, { unavailability: { values, errors: fieldErrors(error, unavailabilityFormField) } }, 400);
    }
  }

  @Post('unavailability/:id/remove')
  async removeUnavailability(
    @Param('id') id: string,
    @Query() query: QueryParameters,
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
  ) {
    const context = portalContext(request, query, this.base);
    if (portalSpeaker(request, reply, context) === null) return;
    await this.profiles.removeUnavailability(id, request.viewer);
    redirectAfterPost(reply, context, '/me', done('removed'));
  }

  private async send(request: FastifyRequest, reply: FastifyReply, context: PageContext, forms: Partial<ProfilePageForms>, status = 200) {
    const page = await this.pages.render(context, csrfTokenOf(request.speakerSession!), request.viewer, forms);
    sendPortalPage(reply, context, page, status);
  }
}

function done(notice: string): URLSearchParams {
  return new URLSearchParams({ done: notice });
}
