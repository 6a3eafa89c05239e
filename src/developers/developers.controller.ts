import { Controller, Get, Inject, Param, Req, Res, UseFilters } from '@nestjs/common';
import { GraphQLSchemaHost } from '@nestjs/graphql';
import { FastifyReply, FastifyRequest } from 'fastify';
import { version } from '../../package.json';
import { sendFeed } from '../calendar/feed-response';
import { notFound } from '../common/errors';
import { PlainTextUserErrorFilter } from '../common/http-errors';
import { APP_CONFIG, AppConfig } from '../config/configuration';
import { ServedFile, servedFile } from '../http/served-files';
import { apiDocsFiles, apiDocsPage } from './developer-files';
import { openApiDocument } from './openapi';
import { schemaSdl } from './schema-sdl';

export const SCHEMA_SDL_PATH = '/graphql/schema.graphql';
export const OPENAPI_PATH = '/api/openapi.json';

/** A minute in caches, then a 304 while unchanged: a new deployment's schema shows within the minute. */
const DESCRIPTION_CACHING = 'public, max-age=60';

/**
 * What the developers' page links to beyond the API itself: the GraphQL schema as SDL, the JSON
 * API described as OpenAPI 3.1, and that description's viewer (Swagger UI, from Lectern's files).
 */
@Controller()
@UseFilters(PlainTextUserErrorFilter)
export class DevelopersController {
  private sdl?: ServedFile;
  private readonly openApi: ServedFile;

  constructor(
    private readonly schemaHost: GraphQLSchemaHost,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.openApi = servedFile(
      `${JSON.stringify(openApiDocument(config.publicBaseUrl, version), null, 2)}\n`,
      'application/json; charset=utf-8',
    );
  }

  /** The executable schema Mercurius serves, printed once (it is built at start-up and never changes). */
  @Get(SCHEMA_SDL_PATH)
  schema(@Req() request: FastifyRequest, @Res() reply: FastifyReply) {
    this.sdl ??= servedFile(schemaSdl(this.schemaHost.schema), 'text/plain; charset=utf-8');
    sendFeed(request, reply, this.sdl.file, DESCRIPTION_CACHING, this.sdl.contentType);
  }

  @Get(OPENAPI_PATH)
  openApiDocument(@Req() request: FastifyRequest, @Res() reply: FastifyReply) {
    sendFeed(request, reply, this.openApi.file, DESCRIPTION_CACHING, this.openApi.contentType);
  }

  @Get('api/docs')
  docs(@Req() request: FastifyRequest, @Res() reply: FastifyReply) {
    const page = apiDocsPage(OPENAPI_PATH);
    sendFeed(request, reply, page.file, 'no-cache', page.contentType);
  }

  @Get('api/docs/:file')
  docsFile(@Param('file') name: string, @Req() request: FastifyRequest, @Res() reply: FastifyReply) {
    const file = apiDocsFiles.get(name);
    if (!file) throw notFound('file', 'file', name);
    sendFeed(request, reply, file.file, 'public, max-age=31536000, immutable', file.contentType);
  }
}
