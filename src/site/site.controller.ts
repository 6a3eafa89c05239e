import { Body, Controller, Get, Inject, Param, Post, Query, Req, Res, UseFilters } from '@nestjs/common';
import { FastifyReply, FastifyRequest } from 'fastify';
import { QueryParameters } from '../calendar/feed-parameters';
import { sendFeed } from '../calendar/feed-response';
import { FeedRevalidation } from '../calendar/feed-revalidation';
import { badInput, notFound } from '../common/errors';
import { parseId } from '../common/entities';
import { APP_CONFIG, AppConfig } from '../config/configuration';
import { siteAssets } from './site-assets';
import { agendaCookie, AGENDA_COOKIE, readCookie } from './site-cookies';
import { HtmlUserErrorFilter } from './site-errors';
import { SitePages } from './site-pages.service';
import { HTML, one, pageContext, pageHeaders, pageKey, PRIVATE_PAGE, readPlainQuery, readProgrammeQuery, sendPage } from './site-request';

/** The public programme site: what attendees open, star and subscribe from. Rules live in SitePages. */
@Controller()
@UseFilters(HtmlUserErrorFilter)
export class SiteController {
  private readonly base: string;

  constructor(
    @Inject(APP_CONFIG) config: AppConfig,
    private readonly pages: SitePages,
    private readonly revalidation: FeedRevalidation,
  ) {
    this.base = config.publicBaseUrl;
  }

  @Get()
  async home(@Query() query: QueryParameters, @Req() request: FastifyRequest, @Res() reply: FastifyReply) {
    readPlainQuery(query);
    const context = pageContext(request, query, this.base);
    sendPage(request, reply, context, await this.pages.home(context, pageKey(context)));
  }

  /** What the API offers (src/site/pages/developers-page.tsx); `developers` is a reserved conference slug. */
  @Get('developers')
  async developers(@Query() query: QueryParameters, @Req() request: FastifyRequest, @Res() reply: FastifyReply) {
    readPlainQuery(query);
    const context = pageContext(request, query, this.base);
    sendPage(request, reply, context, await this.pages.developers(context, pageKey(context)));
  }

  @Get('assets/:file')
  asset(@Param('file') file: string, @Req() request: FastifyRequest, @Res() reply: FastifyReply) {
    const asset = siteAssets.get(file);
    if (!asset) throw notFound('file', 'file', file);
    sendFeed(request, reply, asset.file, 'public, max-age=31536000, immutable', asset.contentType);
  }

  @Get('speakers/:slug')
  async speaker(@Param('slug') slug: string, @Query() query: QueryParameters, @Req() request: FastifyRequest, @Res() reply: FastifyReply) {
    readPlainQuery(query);
    const context = pageContext(request, query, this.base);
    const found = await this.pages.speaker(slug, context, pageKey(context));
    if ('redirect' in found) return void reply.redirect(context.addresses.page(`/speakers/${encodeURIComponent(found.redirect)}`), 301);
    sendPage(request, reply, context, found.page, { revalidation: this.revalidation });
  }

  @Get('interviews/:slug')
  async interview(
    @Param('slug') slug: string,
    @Query() query: QueryParameters,
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
  ) {
    readPlainQuery(query);
    const context = pageContext(request, query, this.base);
    sendPage(request, reply, context, await this.pages.interview(slug, context, pageKey(context)), { revalidation: this.revalidation });
  }

  @Get(':conference')
  async programme(
    @Param('conference') slug: string,
    @Query() query: QueryParameters,
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
  ) {
    const { conference, context } = await this.conferencePage(slug, query, request);
    const { filter, layout, canonical } = readProgrammeQuery(query);
    const page = await this.pages.programme(conference, filter, layout, context, pageKey(context, canonical));
    sendPage(request, reply, context, page, { revalidation: this.pages.changesByTheMinute(conference) ? undefined : this.revalidation });
  }

  @Get('embed/conferences/:conference/schedule')
  async embedSchedule(
    @Param('conference') slug: string,
    @Query() query: QueryParameters,
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
  ) {
    const { conference, context } = await this.conferencePage(slug, query, request);
    const { filter, canonical } = readProgrammeQuery(query, { withLayout: false });
    const page = await this.pages.embedSchedule(conference, filter, context, pageKey(context, canonical));
    sendPage(request, reply, context, page, { embed: true, revalidation: this.revalidation });
  }

  @Get(':conference/sessions/:id')
  async session(
    @Param('conference') slug: string,
    @Param('id') id: string,
    @Query() query: QueryParameters,
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
  ) {
    const { conference, context } = await this.conferencePage(slug, query, request);
    readPlainQuery(query);
    const sessionId = parseId(id, 'session', 'id');
    sendPage(request, reply, context, await this.pages.session(conference, sessionId, context, pageKey(context)), {
      revalidation: this.revalidation,
    });
  }

  @Get(':conference/speakers')
  async speakers(
    @Param('conference') slug: string,
    @Query() query: QueryParameters,
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
  ) {
    const { conference, context } = await this.conferencePage(slug, query, request);
    readPlainQuery(query);
    sendPage(request, reply, context, await this.pages.speakersOf(conference, context, pageKey(context)), {
      revalidation: this.revalidation,
    });
  }

  /** The attendee's agenda: theirs by the cookie their first star set, or someone's by the read token of a shared link. */
  @Get(':conference/agenda')
  async agenda(
    @Param('conference') slug: string,
    @Query() query: QueryParameters,
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
  ) {
    const { conference, context } = await this.conferencePage(slug, query, request);
    readPlainQuery(query, ['read']);
    const token = one(query, 'read') ?? readCookie(request, AGENDA_COOKIE);
    const body = await this.pages.agenda(conference, token, context);
    pageHeaders(reply, context).header('cache-control', PRIVATE_PAGE).header('content-type', HTML).send(body);
  }

  @Get(':conference/agenda/starred')
  async starred(@Req() request: FastifyRequest, @Res() reply: FastifyReply) {
    const starred = await this.pages.starred(readCookie(request, AGENDA_COOKIE));
    reply.header('cache-control', PRIVATE_PAGE).header('content-type', 'application/json; charset=utf-8').send({ starred });
  }

  /**
   * A star from a page's form (or its script, asking for JSON). The cookie is SameSite=Lax, so
   * another site's form cannot star for the attendee; the Origin check says so plainly.
   */
  @Post(':conference/agenda')
  async star(
    @Param('conference') slug: string,
    @Body() body: Record<string, string> | undefined,
    @Query() query: QueryParameters,
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
  ) {
    const origin = request.headers.origin;
    if (origin !== undefined && origin !== new URL(this.base).origin && origin !== `${request.protocol}://${request.host}`)
      throw badInput('origin', "stars are given from Lectern's own pages");
    const conference = await this.pages.conference(slug);
    const action = body?.action ?? 'add';
    if (action !== 'add' && action !== 'remove') throw badInput('action', 'must be add or remove');
    if (typeof body?.session !== 'string') throw badInput('session', 'is required');
    const { token, starred } = await this.pages.star(readCookie(request, AGENDA_COOKIE), body.session, action === 'add');
    reply.header('set-cookie', agendaCookie(token, request.protocol === 'https')).header('cache-control', PRIVATE_PAGE);
    if ((request.headers.accept ?? '').includes('application/json')) return void reply.code(200).send({ starred });
    const context = pageContext(request, query, this.base, conference.defaultLocale);
    reply.redirect(backTo(request, this.base) ?? context.addresses.page(`/${conference.slug}/agenda`), 303);
  }

  /** A conference the public sees (404 otherwise), and the page context in its default language. */
  private async conferencePage(slug: string, query: QueryParameters, request: FastifyRequest) {
    const conference = await this.pages.conference(slug);
    return { conference, context: pageContext(request, query, this.base, conference.defaultLocale) };
  }
}

/** The page the form was sent from, when it is one of the site's own (never another site's address). */
function backTo(request: FastifyRequest, base: string): string | undefined {
  const referer = request.headers.referer;
  if (!referer) return undefined;
  try {
    const url = new URL(referer);
    const own = [new URL(base).origin, `${request.protocol}://${request.host}`];
    return own.includes(url.origin) ? `${url.pathname}${url.search}` : undefined;
  } catch {
    return undefined;
  }
}
