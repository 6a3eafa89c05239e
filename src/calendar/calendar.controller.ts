import { Controller, Get, Param, Query, Req, Res, UseFilters } from '@nestjs/common';
import { FastifyReply, FastifyRequest } from 'fastify';
import { PlainTextUserErrorFilter } from '../common/http-errors';
import { CalendarFeeds } from './calendar-feeds.service';
import { RenderedFeed } from './feed-cache.service';
import { QueryParameters, readFeedParameters } from './feed-parameters';
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
    const feed = await this.feeds.conference(slug, readFeedParameters(query, { withFilter: true }));
    this.send(request, reply, feed, PUBLIC_FEED);
  }

  @Get('conferences/:slug/tracks/:track.ics')
  async track(
    @Param('slug') slug: string,
    @Param('track') track: string,
    @Query() query: QueryParameters,
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
  ) {
    const feed = await this.feeds.track(slug, track, readFeedParameters(query, { withFilter: false, withRelease: true }));
    this.send(request, reply, feed, PUBLIC_FEED);
  }

  @Get('conferences/:slug/rooms/:room.ics')
  async room(
    @Param('slug') slug: string,
    @Param('room') room: string,
    @Query() query: QueryParameters,
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
  ) {
    const feed = await this.feeds.room(slug, room, readFeedParameters(query, { withFilter: false, withRelease: true }));
    this.send(request, reply, feed, PUBLIC_FEED);
  }

  @Get('speakers/:slug.ics')
  async speaker(@Param('slug') slug: string, @Query() query: QueryParameters, @Req() request: FastifyRequest, @Res() reply: FastifyReply) {
    const feed = await this.feeds.speaker(slug, readFeedParameters(query, { withFilter: false }));
    if ('ownSlug' in feed) {
      const search = request.url.includes('?') ? request.url.slice(request.url.indexOf('?')) : '';
      return reply.redirect(`/calendars/speakers/${encodeURIComponent(feed.ownSlug)}.ics${search}`, 301);
    }
    this.send(request, reply, feed, PUBLIC_FEED);
  }

  @Get('sessions/:id.ics')
  async session(@Param('id') id: string, @Query() query: QueryParameters, @Req() request: FastifyRequest, @Res() reply: FastifyReply) {
    const feed = await this.feeds.session(id, readFeedParameters(query, { withFilter: false }));
    this.send(request, reply, feed, PUBLIC_FEED);
  }

  @Get('agendas/:token.ics')
  async agenda(@Param('token') token: string, @Query() query: QueryParameters, @Req() request: FastifyRequest, @Res() reply: FastifyReply) {
    const feed = await this.feeds.agenda(token, readFeedParameters(query, { withFilter: false }));
    this.send(request, reply, feed, PRIVATE_FEED);
  }

  private send(request: FastifyRequest, reply: FastifyReply, feed: RenderedFeed, cacheControl: string): void {
    this.revalidation.remember(request, feed, cacheControl);
    sendFeed(request, reply, feed, cacheControl);
  }
}
