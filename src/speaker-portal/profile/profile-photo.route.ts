import multipart from '@fastify/multipart';
import { Inject, Injectable, OnModuleInit } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { QueryParameters } from '../../calendar/feed-parameters';
import { UserError } from '../../common/errors';
import { APP_CONFIG, AppConfig } from '../../config/configuration';
import { csrfTokenOf } from '../invitations/speaker-sessions.service';
import { portalContext, portalSpeaker, redirectAfterPost, sendPortalPage } from '../pages/portal-page';
import { UPLOAD_SLACK_BYTES } from '../photos/photo-upload-body';
import { SpeakerPhotos } from '../photos/speaker-photos.service';
import { ProfileChangeStatus } from './profile-change.entity';
import { fieldErrors } from './profile-forms';
import { ProfilePages } from './profile-pages.service';
import { ProfileService } from './profile.service';

export const PROFILE_PHOTO_ROUTE = '/me/photo';

/**
 * The photo form of the speaker's page (`multipart/form-data`, a browser's only way to send a
 * file without script). @fastify/multipart is registered in a Fastify scope of its own with this
 * one route, so no other route parses multipart bodies. The scope is made while Nest starts,
 * after the HTTP pipeline: it inherits the pipeline's hooks, the speaker's CSRF check among them
 * (the token comes in the address, `?_csrf=`, since the body is read only here).
 */
@Injectable()
export class ProfilePhotoRoute implements OnModuleInit {
  constructor(
    private readonly adapterHost: HttpAdapterHost,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly photos: SpeakerPhotos,
    private readonly profiles: ProfileService,
    private readonly pages: ProfilePages,
  ) {}

  onModuleInit(): void {
    const fastify = this.adapterHost.httpAdapter.getInstance<FastifyInstance>();
    void fastify.register(async (scope) => {
      await scope.register(multipart, {
        // A little over the limit is still read, so the photo's own refusal (naming the limit) answers it.
        limits: { fileSize: this.config.photoMaxBytes + UPLOAD_SLACK_BYTES, files: 1, fields: 4, fieldSize: 4000, parts: 5 },
      });
      scope.post(PROFILE_PHOTO_ROUTE, (request, reply) => this.upload(request, reply));
    });
  }

  private async upload(request: FastifyRequest, reply: FastifyReply): Promise<void> {
    const query = (request.query ?? {}) as QueryParameters;
    const { _csrf: _token, ...rest } = query;
    const context = portalContext(request, rest, this.config.publicBaseUrl);
    if (portalSpeaker(request, reply, context) === null) return;
    try {
      const { bytes, alt } = await this.read(request);
      const stored = await this.photos.store(request.viewer.speakerId!, { bytes, alt: alt ? { [context.language]: alt } : null });
      const change = await this.profiles.proposeProfileChange({ photoId: stored.id }, request.viewer);
      redirectAfterPost(
        reply,
        context,
        '/me',
        new URLSearchParams({ done: change.status === ProfileChangeStatus.PENDING ? 'photoPending' : 'photo' }),
      );
    } catch (error) {
      if (!(error instanceof UserError)) throw error;
      const errors = fieldErrors(error, (at) => (at === 'photo' || at === 'photoId' ? 'photo' : at.startsWith('alt') ? 'alt' : 'form'));
      const page = await this.pages.render(context, csrfTokenOf(request.speakerSession!), request.viewer, { photoErrors: errors });
      sendPortalPage(reply, context, page, 400);
    }
  }

  /** The image and its alt text; what multipart itself refuses (no file, too large, not multipart) is a refusal on `photo`. */
  private async read(request: FastifyRequest): Promise<{ bytes: Buffer; alt: string | null }> {
    const refuse = (message: string) => new UserError('BAD_USER_INPUT', `photo: ${message}`, 'photo');
    try {
      const file = await request.file();
      if (!file || file.fieldname !== 'photo') throw refuse('choose a JPEG, PNG or WebP image to upload');
      const bytes = await file.toBuffer();
      if (bytes.length === 0) throw refuse('choose a JPEG, PNG or WebP image to upload');
      const altField = file.fields.alt;
      const alt = altField && !Array.isArray(altField) && altField.type === 'field' ? String(altField.value).trim() : '';
      return { bytes, alt: alt || null };
    } catch (error) {
      const code = (error as { code?: string }).code;
      if (code === 'FST_REQ_FILE_TOO_LARGE') throw refuse(`is larger than ${Math.round(this.config.photoMaxBytes / (1024 * 1024))} MB`);
      if (code === 'FST_INVALID_MULTIPART_CONTENT_TYPE') throw refuse('send the form as multipart/form-data');
      if (code === 'FST_FILES_LIMIT' || code === 'FST_PARTS_LIMIT' || code === 'FST_FIELDS_LIMIT') throw refuse('send one image only');
      throw error;
    }
  }
}
