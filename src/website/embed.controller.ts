import { Controller, Get, Param, Query, Req, Res, UseFilters } from '@nestjs/common';
import { FastifyReply, FastifyRequest } from 'fastify';
import { PlainTextUserErrorFilter } from '../common/http-errors';
import { TextFormat } from '../common/rich-text';
import { speakerCardHtml, speakerWallHtml } from './embed-html';
import { readWebsiteQuery, redirectToOwnSlug, sendRead, WebsiteQuery } from './website-response';
import { WebsiteService } from './website.service';

const HTML_TYPE = 'text/html; charset=utf-8';

/** HTML fragments a site can put in its own page: a speaker card and a conference's speaker wall. */
@Controller('embed')
@UseFilters(PlainTextUserErrorFilter)
export class EmbedController {
  constructor(private readonly website: WebsiteService) {}

  @Get('speakers/:slug')
  async speaker(@Param('slug') slug: string, @Query() query: WebsiteQuery, @Req() request: FastifyRequest, @Res() reply: FastifyReply) {
    const found = await this.website.speaker(slug, embedQuery(request, query));
    if ('ownSlug' in found) return redirectToOwnSlug(request, reply, (own) => `/embed/speakers/${own}`, found.ownSlug);
    sendRead(request, reply, speakerCardHtml(found.speaker), HTML_TYPE, found.speaker.locale);
  }

  @Get('conferences/:slug/speakers')
  async conferenceSpeakers(
    @Param('slug') slug: string,
    @Query() query: WebsiteQuery,
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
  ) {
    const wall = await this.website.conferenceSpeakers(slug, embedQuery(request, query));
    sendRead(request, reply, speakerWallHtml(wall), HTML_TYPE, wall.locale);
  }
}

/** An embed is HTML whatever `format` says: rich text only ever reaches it rendered from Markdown. */
function embedQuery(request: FastifyRequest, query: WebsiteQuery) {
  const { format: _ignored, ...rest } = query;
  return { ...readWebsiteQuery(request, rest), format: TextFormat.HTML };
}
