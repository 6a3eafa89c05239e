import { Controller, Get, Param, Query, Req, Res, UseFilters } from '@nestjs/common';
import { FastifyReply, FastifyRequest } from 'fastify';
import { JsonUserErrorFilter } from '../common/http-errors';
import { readWebsiteQuery, redirectToOwnSlug, sendRead, WebsiteQuery } from './website-response';
import { WebsiteService } from './website.service';

const JSON_TYPE = 'application/json; charset=utf-8';
const MARKDOWN_TYPE = 'text/markdown; charset=utf-8';

/** The public read model as plain JSON, for sites that do not speak GraphQL (fields: see README). */
@Controller('api')
@UseFilters(JsonUserErrorFilter)
export class WebsiteApiController {
  constructor(private readonly website: WebsiteService) {}

  @Get('speakers/:slug')
  async speaker(@Param('slug') slug: string, @Query() query: WebsiteQuery, @Req() request: FastifyRequest, @Res() reply: FastifyReply) {
    const found = await this.website.speaker(slug, readWebsiteQuery(request, query));
    if ('ownSlug' in found) return redirectToOwnSlug(request, reply, (own) => `/api/speakers/${own}`, found.ownSlug);
    sendRead(request, reply, JSON.stringify(found.speaker), JSON_TYPE, found.speaker.locale);
  }

  @Get('conferences/:slug/speakers')
  async conferenceSpeakers(
    @Param('slug') slug: string,
    @Query() query: WebsiteQuery,
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
  ) {
    const wall = await this.website.conferenceSpeakers(slug, readWebsiteQuery(request, query));
    sendRead(request, reply, JSON.stringify(wall), JSON_TYPE, wall.locale);
  }

  /** The interview as a static site's Markdown page (Hugo, Jekyll). Declared first: the JSON route's `:slug` would take `x.md` too. */
  @Get('interviews/:slug.md')
  async interviewMarkdown(
    @Param('slug') slug: string,
    @Query() query: WebsiteQuery,
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
  ) {
    const { markdown, locale } = await this.website.interviewMarkdown(slug, readWebsiteQuery(request, query));
    sendRead(request, reply, markdown, MARKDOWN_TYPE, locale);
  }

  @Get('interviews/:slug')
  async interview(@Param('slug') slug: string, @Query() query: WebsiteQuery, @Req() request: FastifyRequest, @Res() reply: FastifyReply) {
    const interview = await this.website.interview(slug, readWebsiteQuery(request, query));
    sendRead(request, reply, JSON.stringify(interview), JSON_TYPE, interview.locale);
  }
}
