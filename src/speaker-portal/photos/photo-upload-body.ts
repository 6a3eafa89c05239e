import { Inject, Injectable, OnModuleInit } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import { FastifyInstance } from 'fastify';
import { APP_CONFIG, AppConfig } from '../../config/configuration';

/**
 * The one route that takes an image as its body. Its parameter is named as GET /api/speakers/:slug
 * names the same place (Fastify's router keeps one name per position), and takes a slug or an id.
 */
export const PHOTO_UPLOAD_ROUTE = '/api/speakers/:slug/photo';

/**
 * Room above PHOTO_MAX_BYTES within which an upload is still read, so that one a little too
 * large gets the photo's own refusal (BAD_USER_INPUT on `photo`, naming the limit) rather than
 * Fastify's bare 413; beyond it, Fastify stops reading.
 */
export const UPLOAD_SLACK_BYTES = 1024 * 1024;

/**
 * Reads `image/*` bodies (any image type, so a GIF or HEIC is told what is accepted; which format
 * it is, is decided from the bytes) as they are, up to PHOTO_MAX_BYTES + UPLOAD_SLACK_BYTES, in
 * place of MAX_BODY_BYTES, for the upload route only: any other route refuses them (415). Nest's
 * routes share one Fastify context, so the parser is the server's, and it checks the route.
 */
@Injectable()
export class PhotoUploadBodies implements OnModuleInit {
  constructor(
    private readonly adapterHost: HttpAdapterHost,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onModuleInit(): void {
    const fastify = this.adapterHost.httpAdapter.getInstance<FastifyInstance>();
    fastify.addContentTypeParser(
      /^image\//i,
      { parseAs: 'buffer', bodyLimit: this.config.photoMaxBytes + UPLOAD_SLACK_BYTES },
      (request, body, done) => {
        if (request.routeOptions.url === PHOTO_UPLOAD_ROUTE) return done(null, body);
        done(Object.assign(new Error(`Unsupported Media Type: ${request.headers['content-type']}`), { statusCode: 415 }), undefined);
      },
    );
  }
}
