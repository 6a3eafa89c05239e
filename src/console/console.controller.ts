import { Controller, Get, Inject, Param, Req, Res, UseFilters } from '@nestjs/common';
import { FastifyReply, FastifyRequest } from 'fastify';
import { sendFeed } from '../calendar/feed-response';
import { notFound } from '../common/errors';
import { PlainTextUserErrorFilter } from '../common/http-errors';
import { CONSOLE_FILES, ConsoleFiles } from './console-files';

/**
 * The organiser console (console/, a Vite app on the public GraphQL API). Every address under
 * /console is its one page, whose script routes in the browser; its files have content-hashed
 * names and may be kept for a year, the page itself is checked every time (it names the files).
 */
@Controller('console')
@UseFilters(PlainTextUserErrorFilter)
export class ConsoleController {
  constructor(@Inject(CONSOLE_FILES) private readonly files: ConsoleFiles) {}

  @Get('assets/:file')
  asset(@Param('file') name: string, @Req() request: FastifyRequest, @Res() reply: FastifyReply) {
    const file = this.files.asset(name);
    if (!file) throw notFound('file', 'file', name);
    sendFeed(request, reply, file.file, 'public, max-age=31536000, immutable', file.contentType);
  }

  @Get()
  home(@Req() request: FastifyRequest, @Res() reply: FastifyReply) {
    this.page(request, reply);
  }

  @Get('*')
  page(@Req() request: FastifyRequest, @Res() reply: FastifyReply) {
    const page = this.files.page;
    if (!page) {
      reply
        .code(503)
        .type('text/plain; charset=utf-8')
        .send('The console is not built: run `npm run build` (CONSOLE_DIR says where it is looked for).\n');
      return;
    }
    sendFeed(request, reply, page.file, 'no-cache', page.contentType);
  }
}
