import { Controller, Get, Param, Req, Res, UseFilters } from '@nestjs/common';
import { FastifyReply, FastifyRequest } from 'fastify';
import { GRAPHQL_PATH } from '../app.module';
import { sendFeed } from '../calendar/feed-response';
import { notFound } from '../common/errors';
import { PlainTextUserErrorFilter } from '../common/http-errors';
import { graphiqlFiles, graphiqlPage } from './graphiql-files';

/** GraphiQL, the in-browser IDE, from Lectern's own files (see graphiql-files.ts); only with GRAPHIQL=on. */
@Controller('graphiql')
@UseFilters(PlainTextUserErrorFilter)
export class GraphiqlController {
  @Get()
  page(@Req() request: FastifyRequest, @Res() reply: FastifyReply) {
    const page = graphiqlPage(GRAPHQL_PATH);
    sendFeed(request, reply, page.file, 'no-cache', page.contentType);
  }

  @Get(':file')
  file(@Param('file') name: string, @Req() request: FastifyRequest, @Res() reply: FastifyReply) {
    const file = graphiqlFiles.get(name);
    if (!file) throw notFound('file', 'file', name);
    sendFeed(request, reply, file.file, 'public, max-age=31536000, immutable', file.contentType);
  }
}
