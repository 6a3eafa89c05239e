import { Body, Controller, Get, Inject, Param, Post, Query, Req, Res, UseFilters } from '@nestjs/common';
import { FastifyReply, FastifyRequest } from 'fastify';
import { QueryParameters } from '../../calendar/feed-parameters';
import { APP_CONFIG, AppConfig } from '../../config/configuration';
import { HtmlUserErrorFilter } from '../../site/site-errors';
import { portalContext, portalSpeaker, redirectAfterPost, sendPortalPage } from '../pages/portal-page';
import { invitationsPage, signInConfirmPage, signInHelpPage, signInRefusedPage } from './invitation-pages';
import { InvitationService } from './invitation.service';
import { csrfTokenOf, SpeakerSessions } from './speaker-sessions.service';

/** Signing in with an invitation's link, signing out, and answering invitations: the speaker's page's doors. */
@Controller('me')
@UseFilters(HtmlUserErrorFilter)
export class SignInController {
  private readonly base: string;

  constructor(
    @Inject(APP_CONFIG) config: AppConfig,
    private readonly invitations: InvitationService,
    private readonly sessions: SpeakerSessions,
  ) {
    this.base = config.publicBaseUrl;
  }

  @Get('sign-in')
  help(@Query() query: QueryParameters, @Req() request: FastifyRequest, @Res() reply: FastifyReply) {
    const context = portalContext(request, query, this.base);
    const note = query['signed-out'] !== undefined ? 'signedOut' : query.sent !== undefined ? 'sent' : undefined;
    sendPortalPage(
      reply,
      context,
      signInHelpPage(context, note && context.t(`portalSignIn.${note}`), request.speakerSession && csrfTokenOf(request.speakerSession)),
    );
  }

  /** A new link for whoever has an open invitation at this address; the answer is the same either way. */
  @Post('sign-in')
  async sendAgain(
    @Body() body: Record<string, string> | undefined,
    @Query() query: QueryParameters,
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
  ) {
    const context = portalContext(request, query, this.base);
    await this.invitations.sendAgainTo(typeof body?.email === 'string' ? body.email : '');
    redirectAfterPost(reply, context, '/me/sign-in', new URLSearchParams({ sent: '' }));
  }

  @Get('sign-in/:secret')
  async confirm(
    @Param('secret') secret: string,
    @Query() query: QueryParameters,
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
  ) {
    const context = portalContext(request, query, this.base);
    const holder = await this.invitations.linkHolder(secret);
    if ('refused' in holder) return sendPortalPage(reply, context, signInRefusedPage(context, holder.refused), 410);
    sendPortalPage(
      reply,
      context,
      signInConfirmPage(context, context.addresses.page(`/me/sign-in/${secret}`), holder.speaker, holder.conference),
    );
  }

  @Post('sign-in/:secret')
  async signIn(
    @Param('secret') secret: string,
    @Query() query: QueryParameters,
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
  ) {
    const context = portalContext(request, query, this.base);
    const result = await this.invitations.signIn(secret);
    if ('refused' in result) return sendPortalPage(reply, context, signInRefusedPage(context, result.refused), 410);
    reply.header('set-cookie', this.sessions.cookie(result.session.secret, result.session.expiresAt, request.protocol === 'https'));
    redirectAfterPost(reply, context, '/me/invitations');
  }

  @Post('sign-out')
  async signOut(@Query() query: QueryParameters, @Req() request: FastifyRequest, @Res() reply: FastifyReply) {
    const context = portalContext(request, query, this.base);
    if (request.speakerSession) await this.sessions.end(request.speakerSession);
    reply.header('set-cookie', this.sessions.clearedCookie(request.protocol === 'https'));
    redirectAfterPost(reply, context, '/me/sign-in', new URLSearchParams({ 'signed-out': '' }));
  }

  @Get('invitations')
  async list(@Query() query: QueryParameters, @Req() request: FastifyRequest, @Res() reply: FastifyReply) {
    const context = portalContext(request, query, this.base);
    const speakerId = portalSpeaker(request, reply, context);
    if (speakerId === null) return;
    sendPortalPage(
      reply,
      context,
      invitationsPage(context, csrfTokenOf(request.speakerSession!), await this.invitations.listedForSpeaker(speakerId)),
    );
  }

  @Post('invitations/:id/:answer')
  async answer(
    @Param('id') id: string,
    @Param('answer') answer: string,
    @Query() query: QueryParameters,
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
  ) {
    const context = portalContext(request, query, this.base);
    if (portalSpeaker(request, reply, context) === null) return;
    const invitationId = Number(id);
    if (!Number.isSafeInteger(invitationId)) return reply.callNotFound();
    if (answer === 'accept') await this.invitations.accept(invitationId, request.viewer);
    else if (answer === 'decline') await this.invitations.decline(invitationId, request.viewer);
    else return reply.callNotFound();
    redirectAfterPost(reply, context, '/me/invitations');
  }
}
