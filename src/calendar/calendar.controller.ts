import { Controller, Get, Param, Query, Req, Res, UseFilters } from '@nestjs/common';
import { FastifyReply, FastifyRequest } from 'fastify';
import { PlainTextUserErrorFilter } from '../common/http-errors';
import { CalendarFeeds } from './calendar-feeds.service';
import { RenderedFeed } from './feed-cache.service';
import { isDownload, QueryParameters, readFeedParameters } from './feed-parameters';
import { FeedRevalidation } from './feed-revalidation';
import { PRIVATE_FEED, PUBLIC_FEED, sendFeed } from './feed-response';

/** The iCal feeds attendees subscribe to. */
@Controller('calendars')
@UseFilters(PlainTextUserErrorFilter)
export class CalendarController {
  constructor(
    private readonly feeds: CalendarFeeds,
    private readonly revalidation: FeedRevalidation,
  ) {}

  @Get('conferences/:slug.ics')
  async conference(
    @Param('slug') slug: string,
    @Query() query: QueryParameters,
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
  ) {
    const feed = await this.feeds.conference(slug, readFeedParameters(query, { withFilter: true, withDownload: true }));
    this.send(request, reply, feed, PUBLIC_FEED, download(query, slug));
  }

  @Get('conferences/:slug/tracks/:track.ics')
  async track(
    @Param('slug') slug: string,
    @Param('track') track: string,
    @Query() query: QueryParameters,
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
  ) {
    const feed = await this.feeds.track(
      slug,
      track,
      readFeedParameters(query, { withFilter: false, withRelease: true, withDownload: true }),
    );
    this.send(request, reply, feed, PUBLIC_FEED, download(query, `${slug}-${track}`));
  }

  @Get('conferences/:slug/rooms/:room.ics')
  async room(
    @Param('slug') slug: string,
    @Param('room') room: string,
    @Query() query: QueryParameters,
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
  ) {
    const feed = await this.feeds.room(slug, room, readFeedParameters(query, { withFilter: false, withRelease: true, withDownload: true }));
    this.send(request, reply, feed, PUBLIC_FEED, download(query, `${slug}-${room}`));
  }

  @Get('speakers/:slug.ics')
  async speaker(@Param('slug') slug: string, @Query() query: QueryParameters, @Req() request: FastifyRequest, @Res() reply: FastifyReply) {
    const feed = await this.feeds.speaker(slug, readFeedParameters(query, { withFilter: false, withDownload: true }));
    if ('ownSlug' in feed) {
      const search = request.url.includes('?') ? request.url.slice(request.url.indexOf('?')) : '';
      return reply.redirect(`/calendars/speakers/${encodeURIComponent(feed.ownSlug)}.ics${search}`, 301);
    }
    this.send(request, reply, feed, PUBLIC_FEED, download(query, slug));
  }

  @Get('sessions/:id.ics')
  async session(@Param('id') id: string, @Query() query: QueryParameters, @Req() request: FastifyRequest, @Res() reply: FastifyReply) {
    const feed = await this.feeds.session(id, readFeedParameters(query, { withFilter: false, withDownload: true }));
    this.send(request, reply, feed, PUBLIC_FEED, download(query, `session-${id}`));
  }

  @Get('agendas/:token.ics')
  async agenda(@Param('token') token: string, @Query() query: QueryParameters, @Req() request: FastifyRequest, @Res() reply: FastifyReply) {
    const feed = await this.feeds.agenda(token, readFeedParameters(query, { withFilter: false, withDownload: true }));
    // Never the token: a saved file's name ends up in download lists and in mails.
    this.send(request, reply, feed, PRIVATE_FEED, download(query, 'agenda'));
  }

  /** `filename`: the file's name when the request asks for a download (`download=1`), else null. */
  private send(request: FastifyRequest, reply: FastifyReply, feed: RenderedFeed, cacheControl: string, filename: string | null): void {
    this.revalidation.remember(request, reply, feed, cacheControl);
    if (filename) reply.header('content-disposition', `attachment; filename="${filename}"`);
    sendFeed(request, reply, feed, cacheControl);
  }
}

/**
 * The name of the file a `download=1` request saves, from the names in its address; only the
 * characters every system keeps in a file name, so it needs no quoting rules of its own.
 */
function download(query: QueryParameters, name: string): string | null {
  return isDownload(query) ? `${name.replace(/[^A-Za-z0-9._-]+/g, '-')}.ics` : null;
}
