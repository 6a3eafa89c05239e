import { Controller, Get, Inject, Param, Query, Req, Res, UseFilters } from '@nestjs/common';
import { FastifyReply, FastifyRequest } from 'fastify';
import { matchesIfNoneMatch } from '../common/http-caching';
import { PlainTextUserErrorFilter } from '../common/http-errors';
import { TextFormat } from '../common/rich-text';
import { APP_CONFIG, AppConfig } from '../config/configuration';
import { EMBED_CSS, EMBED_CSS_ETAG } from './embed-css';
import { EmbedOptions, speakerCardHtml, speakerWallHtml } from './embed-html';
import { readWebsiteQuery, redirectToOwnSlug, sendRead, WebsiteQuery } from './website-response';
import { Wanted, WebsiteService } from './website.service';

const HTML_TYPE = 'text/html; charset=utf-8';
const CSS_TYPE = 'text/css; charset=utf-8';

/** The styles `?style=` may ask for: Lectern's own stylesheet, linked from the fragment. */
const STYLES = ['default'] as const;

/**
 * The stylesheet changes only with a new release of Lectern; an hour keeps embedding pages from
 * asking on every view, and the ETag makes the question after that cheap.
 */
const CSS_CACHE_CONTROL = 'public, max-age=3600';

/** HTML fragments a site can put in its own page: a speaker card and a conference's speaker wall. */
@Controller('embed')
@UseFilters(PlainTextUserErrorFilter)
export class EmbedController {
  private readonly stylesheet: string;

  constructor(
    private readonly website: WebsiteService,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    // Absolute: the fragment is read inside other sites' pages.
    this.stylesheet = `${config.publicBaseUrl}/embed/embed.css`;
  }

  @Get('embed.css')
  css(@Req() request: FastifyRequest, @Res() reply: FastifyReply) {
    reply.header('cache-control', CSS_CACHE_CONTROL).header('etag', EMBED_CSS_ETAG);
    if (matchesIfNoneMatch(request, EMBED_CSS_ETAG)) return void reply.code(304).send();
    reply.header('content-type', CSS_TYPE).send(EMBED_CSS);
  }

  @Get('speakers/:slug')
  async speaker(@Param('slug') slug: string, @Query() query: WebsiteQuery, @Req() request: FastifyRequest, @Res() reply: FastifyReply) {
    const { wanted, options } = this.embedQuery(request, query);
    const found = await this.website.speaker(slug, wanted);
    if ('ownSlug' in found) return redirectToOwnSlug(request, reply, (own) => `/embed/speakers/${own}`, found.ownSlug);
    sendRead(request, reply, speakerCardHtml(found.speaker, options), HTML_TYPE, found.speaker.locale);
  }

  @Get('conferences/:slug/speakers')
  async conferenceSpeakers(
    @Param('slug') slug: string,
    @Query() query: WebsiteQuery,
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
  ) {
    const { wanted, options } = this.embedQuery(request, query);
    const wall = await this.website.conferenceSpeakers(slug, wanted);
    sendRead(request, reply, speakerWallHtml(wall, options), HTML_TYPE, wall.locale);
  }

  /** An embed is HTML whatever `format` says: rich text only ever reaches it rendered from Markdown. */
  private embedQuery(request: FastifyRequest, query: WebsiteQuery): { wanted: Wanted; options: EmbedOptions } {
    const { format: _ignored, ...rest } = query;
    const { wishes, style } = readWebsiteQuery(request, rest, { styles: STYLES });
    return { wanted: { wishes, format: TextFormat.HTML }, options: style === 'default' ? { stylesheet: this.stylesheet } : {} };
  }
}
