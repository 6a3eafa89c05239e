import { randomBytes } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { requireSpeakerOwner, SYSTEM_ACTOR, Viewer } from '../../auth/viewer';
import { parseId } from '../../common/entities';
import { badInput, notFound, UserError } from '../../common/errors';
import { strongEtag } from '../../common/http-caching';
import { LocalisedText, LocalisedTextInput, mergeLocalisedText } from '../../common/localisation';
import { Validation } from '../../common/validation';
import { APP_CONFIG, AppConfig } from '../../config/configuration';
import { Transactions } from '../../database/transactions';
import { SpeakerSlug } from '../../speakers/speaker-slug.entity';
import { Speaker } from '../../speakers/speaker.entity';
import { SpeakerService } from '../../speakers/speaker.service';
import { PhotoFiles } from './photo-files';
import { PhotoRendition, SpeakerPhoto } from './photo.entity';
import { DEFAULT_SIZE, PhotoFormat, ProcessedPhoto, processPhoto, RENDITION_SIZES, renditionName } from './photo-processing';

/** What an upload carries: the image as sent, and optionally what it shows, per locale. */
export interface PhotoUpload {
  bytes: Buffer;
  alt?: LocalisedText | null;
}

/** A stored photo by its default rendition (the one a profile's `photoUrl` names): Lectern's own absolute address. */
export interface StoredPhoto {
  id: string;
  url: string;
  width: number;
  height: number;
}

/** One rendition as served: its bytes and what to say of them. */
export interface ServedRendition {
  bytes: Buffer;
  contentType: string;
  etag: string;
  createdAt: Date;
}

/** A processed photo with its id, and what each rendition's row keeps of its bytes (see PhotoFiles). */
type FiledPhoto = ProcessedPhoto & { id: string; kept: string[] };

const ALT_MAX = 500;
const PHOTO_ID = /^[A-Za-z0-9_-]{22}$/;
const RENDITION_NAME = /^\d{2,4}\.(?:webp|jpg)$/;

/**
 * Speakers' photos: an upload is checked and made into renditions (photo-processing.ts), kept in
 * the database (so every instance serves the same ones), and shown on the profile when applied.
 * Storing and applying are apart so that a change waiting for an organiser's approval can hold a
 * stored photo and publish it later.
 */
@Injectable()
export class SpeakerPhotos {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly transactions: Transactions,
    private readonly speakers: SpeakerService,
    private readonly files: PhotoFiles,
  ) {}

  /**
   * Checks, resizes and stores an upload for this speaker without showing it anywhere yet.
   * Refusals (too large, not a JPEG/PNG/WebP, damaged, too many pixels, a bad alt) are
   * BAD_USER_INPUT on `photo` or `alt…`, and nothing is stored. Decoding and encoding take a
   * moment: a caller that passes its transaction holds it open meanwhile.
   */
  async store(speakerId: number, upload: PhotoUpload, within?: EntityManager): Promise<StoredPhoto> {
    const alt = this.checkAlt(upload.alt);
    const processed = await this.filed(await processPhoto(upload.bytes, this.config.photoMaxBytes));
    const store = (manager: EntityManager) => this.keep(manager, speakerId, processed, alt);
    return within ? store(within) : this.transactions.runBookkeeping(store);
  }

  /**
   * Shows a stored photo on its speaker's profile: `photoUrl` becomes Lectern's address of its
   * default rendition, with that rendition's width and height; the upload's alt text is merged
   * into the profile's by locale (locales it does not name keep theirs). The caller has decided
   * that the change may be published (its own rights or review); this checks none.
   */
  async apply(manager: EntityManager, speakerId: number, photoId: string): Promise<Speaker> {
    const photo = PHOTO_ID.test(photoId) ? await manager.findOneBy(SpeakerPhoto, { id: photoId }) : null;
    if (!photo || photo.speakerId !== speakerId) throw notFound("photo of this speaker's", 'photoId', photoId);
    const shown = await this.described(manager, photo.id);
    const photoAlt: LocalisedTextInput[] | undefined = photo.alt
      ? Object.entries(photo.alt).map(([locale, text]) => ({ locale, text }))
      : undefined;
    return this.speakers.update(
      speakerId,
      { photoUrl: shown.url, photoWidth: shown.width, photoHeight: shown.height, ...(photoAlt ? { photoAlt } : {}) },
      SYSTEM_ACTOR,
      manager,
    );
  }

  /**
   * An upload by an organiser or API user (PUT /api/speakers/:slug/photo): only who may change the
   * speaker's profile (`requireSpeakerOwner`); stored and shown at once, in one transaction. The
   * speaker is named by one of their slugs (as GET /api/speakers/:slug takes them) or their id
   * (global or numeric); `bytes` is undefined when the request's body was not an image.
   */
  async upload(speakerRef: string, bytes: Buffer | undefined, alt: LocalisedText | null, actor: Viewer): Promise<StoredPhoto> {
    if (actor.speakerId !== null) {
      throw new UserError('FORBIDDEN', 'Speakers change their photo on their own page, where the organisers review it.');
    }
    if (!actor.organiser) throw new UserError('UNAUTHENTICATED', 'This needs an organiser token: send "Authorization: Bearer <token>".');
    const speakerId = await this.speakerNamed(speakerRef);
    const owned = async (manager: EntityManager) => requireSpeakerOwner(actor, await this.speakers.require(manager, speakerId, 'slug'));
    // Refused before the image is looked at: nothing of an upload by someone who may not change the profile is read.
    await owned(this.speakers.repository().manager);
    if (!bytes) throw badInput('photo', 'send the image itself as the body, with Content-Type image/jpeg, image/png or image/webp');
    const checkedAlt = this.checkAlt(alt);
    const processed = await this.filed(await processPhoto(bytes, this.config.photoMaxBytes));
    return this.transactions.run(async (manager) => {
      await owned(manager);
      const stored = await this.keep(manager, speakerId, processed, checkedAlt);
      await this.apply(manager, speakerId, stored.id);
      return stored;
    });
  }

  private async speakerNamed(ref: string): Promise<number> {
    const manager = this.speakers.repository().manager;
    const bySlug = await manager.findOne(Speaker, { where: { slug: ref }, select: { id: true } });
    if (bySlug) return bySlug.id;
    const byOtherSlug = await manager.findOne(SpeakerSlug, { where: { slug: ref }, select: { speakerId: true } });
    return byOtherSlug ? byOtherSlug.speakerId : parseId(ref, 'speaker', 'slug');
  }

  /** A stored photo, as `store` answered it; null for an unknown id. */
  async find(photoId: string, within?: EntityManager): Promise<StoredPhoto | null> {
    const manager = within ?? this.speakers.repository().manager;
    if (!PHOTO_ID.test(photoId) || !(await manager.existsBy(SpeakerPhoto, { id: photoId }))) return null;
    return this.described(manager, photoId);
  }

  /** Lectern's address of one rendition of a photo. */
  address(photoId: string, size: number, format: PhotoFormat): string {
    return `${this.config.publicBaseUrl}/photos/${photoId}/${renditionName(size, format)}`;
  }

  /**
   * The size of a speaker's photo closest to `width` (the smallest at least that wide, else the
   * largest): worked out from the profile alone, since a photo of Lectern's has every size up to
   * the one `photoUrl` names. A photo kept elsewhere has one size, its own.
   */
  sizeFor(
    speaker: Pick<Speaker, 'photoUrl' | 'photoWidth' | 'photoHeight'>,
    width: number | null,
    format: PhotoFormat,
  ): { url: string; width: number | null; height: number | null } | null {
    if (!speaker.photoUrl) return null;
    if (width !== null && !(Number.isInteger(width) && width > 0 && width <= 10000)) {
      throw badInput('width', 'must be a whole number of pixels, 1 to 10000');
    }
    const prefix = `${this.config.publicBaseUrl}/photos/`;
    const [photoId, name] = speaker.photoUrl.startsWith(prefix) ? speaker.photoUrl.slice(prefix.length).split('/') : [];
    if (!photoId || !PHOTO_ID.test(photoId) || !name || !RENDITION_NAME.test(name)) {
      return { url: speaker.photoUrl, width: speaker.photoWidth, height: speaker.photoHeight };
    }
    const largest = Number.parseInt(name, 10);
    const sizes = RENDITION_SIZES.filter((size) => size <= largest);
    const size = width === null ? largest : (sizes.find((candidate) => candidate >= width) ?? largest);
    return { url: this.address(photoId, size, format), width: size, height: size };
  }

  /** A rendition's bytes, or null for an unknown photo or name (which is never looked up). */
  async rendition(photoId: string, name: string): Promise<ServedRendition | null> {
    if (!PHOTO_ID.test(photoId) || !RENDITION_NAME.test(name)) return null;
    const rendition = await this.speakers.repository().manager.findOne(PhotoRendition, {
      where: { photoId, name },
      relations: { photo: true },
      select: { photoId: true, name: true, bytes: true, contentType: true, etag: true, photo: { id: true, createdAt: true } },
    });
    const bytes = rendition && (await this.files.get(photoId, name, rendition.bytes));
    if (!rendition || !bytes) return null;
    return {
      bytes,
      contentType: rendition.contentType,
      etag: rendition.etag,
      createdAt: rendition.photo!.createdAt,
    };
  }

  /**
   * Gives the photo its id and puts its files where PHOTO_STORE says, before any transaction
   * (an S3 store takes a while). Should the transaction then fail, the files stay behind, at an
   * address nothing names.
   */
  private async filed(processed: ProcessedPhoto): Promise<FiledPhoto> {
    const id = randomBytes(16).toString('base64url');
    const kept = await Promise.all(processed.renditions.map((r) => this.files.put(id, r.name, r.bytes, r.contentType)));
    return { ...processed, id, kept };
  }

  private async keep(manager: EntityManager, speakerId: number, processed: FiledPhoto, alt: LocalisedText | null): Promise<StoredPhoto> {
    await this.speakers.require(manager, speakerId, 'speakerId');
    const photo = manager.create(SpeakerPhoto, {
      id: processed.id,
      speakerId,
      width: processed.width,
      height: processed.height,
      alt,
      createdAt: new Date(),
    });
    await manager.insert(SpeakerPhoto, photo);
    await manager.insert(
      PhotoRendition,
      processed.renditions.map((rendition, index) => ({
        photoId: photo.id,
        name: rendition.name,
        contentType: rendition.contentType,
        width: rendition.width,
        height: rendition.height,
        etag: strongEtag(rendition.bytes),
        bytes: processed.kept[index],
      })),
    );
    return this.described(manager, photo.id);
  }

  /** The default size, or the largest the upload was big enough for. */
  private async described(manager: EntityManager, photoId: string): Promise<StoredPhoto> {
    const renditions = await manager.find(PhotoRendition, {
      where: { photoId, contentType: 'image/jpeg' },
      select: { name: true, width: true, height: true },
    });
    const shown = renditions.filter((r) => r.width <= DEFAULT_SIZE).sort((a, b) => b.width - a.width)[0];
    return { id: photoId, url: this.address(photoId, shown.width, 'jpeg'), width: shown.width, height: shown.height };
  }

  private checkAlt(alt: LocalisedText | null | undefined): LocalisedText | null {
    if (!alt) return null;
    const validation = new Validation();
    const given = Object.entries(alt).map(([locale, text]) => ({ locale, text }));
    const merged = mergeLocalisedText(null, given, 'alt', validation, { maxLength: ALT_MAX });
    validation.throwIfFailed();
    return merged && Object.keys(merged).length ? merged : null;
  }
}
