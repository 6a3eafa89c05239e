import { Controller, Get, Param, Query, Req, Res, UseFilters } from '@nestjs/common';
import { FastifyReply, FastifyRequest } from 'fastify';
import { PUBLIC_FEED, sendFeed } from '../calendar/feed-response';
import { FeedRevalidation } from '../calendar/feed-revalidation';
import { PlainTextUserErrorFilter } from '../common/http-errors';
import { EXPORT_FORMATS, ExchangeExports, isExportFile } from './exchange-exports.service';
import { QueryParameters, readExportParameters } from './export-parameters';

/** The schedule exports conference apps read (frab XML, schedule JSON v1 and v2, xCal, CSV). */
@Controller('exports')
@UseFilters(PlainTextUserErrorFilter)
export class ExchangeController {
  constructor(
    private readonly exports: ExchangeExports,
    private readonly revalidation: FeedRevalidation,
  ) {}

  @Get('conferences/:slug/:file')
  async conference(
    @Param('slug') slug: string,
    @Param('file') file: string,
    @Query() query: QueryParameters,
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
  ) {
    const rendered = await this.exports.export(slug, file, readExportParameters(query));
    // The next conditional request to this address is answered before Nest routes it.
    this.revalidation.remember(request, reply, rendered, PUBLIC_FEED);
    sendFeed(request, reply, rendered, PUBLIC_FEED, isExportFile(file) ? EXPORT_FORMATS[file].contentType : undefined);
  }
}
