import { Body, Controller, Get, Header, Param, Put, Query, Req, Res, UseFilters } from '@nestjs/common';
import { FastifyReply, FastifyRequest } from 'fastify';
import { UserError } from '../../common/errors';
import { JsonUserErrorFilter } from '../../common/http-errors';
import { matchesIfNoneMatch } from '../../common/http-caching';
import { LocalisedText } from '../../common/localisation';
import { PHOTO_UPLOAD_ROUTE } from './photo-upload-body';
import { SpeakerPhotos, StoredPhoto } from './speaker-photos.service';

/** A rendition's address names its content for good (see SpeakerPhoto.id): any cache may keep it for a year. */
export const IMMUTABLE = 'public, max-age=31536000, immutable';

/** Speakers' photos as Lectern serves them, and their upload by organisers and API users. */
@Controller()
@UseFilters(JsonUserErrorFilter)
export class PhotosController {
  constructor(private readonly photos: SpeakerPhotos) {}

  /** `/photos/<id>/<size>.<webp|jpg>`. */
  @Get('photos/:id/:name')
  async rendition(@Param('id') id: string, @Param('name') name: string, @Req() request: FastifyRequest, @Res() reply: FastifyReply) {
    const rendition = await this.photos.rendition(id, name);
    if (!rendition) throw new UserError('NOT_FOUND', `No photo at /photos/${id}/${name}.`, 'name');
    reply.header('cache-control', IMMUTABLE).header('etag', rendition.etag).header('last-modified', rendition.createdAt.toUTCString());
    if (matchesIfNoneMatch(request, rendition.etag)) return reply.code(304).send();
    reply.header('content-type', rendition.contentType).send(rendition.bytes);
  }

  /** The speaker by slug or id; the image itself is the body; `?alt.<locale>=…` says what it shows. */
  @Put(PHOTO_UPLOAD_ROUTE.slice(1))
  @Header('cache-control', 'no-store')
  upload(
    @Param('slug') speaker: string,
    @Query() query: Record<string, unknown>,
    @Body() body: unknown,
    @Req() request: FastifyRequest,
  ): Promise<StoredPhoto> {
    return this.photos.upload(speaker, Buffer.isBuffer(body) ? body : undefined, altOf(query), request.viewer);
  }
}

/** `alt.sv=…&alt.en=…` as a localised text (checked by the service). */
function altOf(query: Record<string, unknown>): LocalisedText | null {
  const alt: LocalisedText = {};
  for (const [key, value] of Object.entries(query)) {
    if (!key.startsWith('alt.')) continue;
    if (typeof value !== 'string') throw new UserError('BAD_USER_INPUT', `${key}: give it once`, key);
    alt[key.slice('alt.'.length)] = value;
  }
  return Object.keys(alt).length ? alt : null;
}
