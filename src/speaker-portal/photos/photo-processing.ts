import sharp, { Metadata } from 'sharp';
import { badInput } from '../../common/errors';

/**
 * The square sizes served, in CSS pixels × device pixels: the speaker wall and a session's
 * line-up show photos at 96 px (src/site/assets/site.css), a speaker's page at 160 px; each at
 * 1× and 2× (high-density screens). 512 covers the embeds (up to 16rem = 256 px tall, at 2×) and
 * link previews (Open Graph's image), and is the size `photoUrl` names, since that one address
 * is used everywhere. The site crops to a square (a circle, `object-fit: cover`), so the crops
 * are made here, once, by the same point of interest at every size.
 */
export const RENDITION_SIZES = [96, 160, 192, 320, 512] as const;
export const DEFAULT_SIZE = 512;

export const PHOTO_FORMATS = {
  webp: { extension: 'webp', contentType: 'image/webp' },
  jpeg: { extension: 'jpg', contentType: 'image/jpeg' },
} as const;
export type PhotoFormat = keyof typeof PHOTO_FORMATS;

/** What an upload may be, by what its bytes are (sharp reads the header), never by its name or declared type. */
const ACCEPTED_INPUTS: Readonly<Record<string, string>> = { jpeg: 'JPEG', png: 'PNG', webp: 'WebP' };

/**
 * A decompression bomb (a small file declaring an enormous image) is refused by its header,
 * before anything is decoded: 8192 × 8192 ≈ 67 megapixels is more than cameras and phones save
 * by default, and decoding it stays within a few hundred megabytes.
 */
export const MAX_INPUT_PIXELS = 8192 * 8192;

export interface Rendition {
  name: string;
  size: number;
  contentType: string;
  width: number;
  height: number;
  bytes: Buffer;
}

export interface ProcessedPhoto {
  /** The upload's size, upright. */
  width: number;
  height: number;
  /** Every size that the upload is large enough for, smallest first, each as WebP and JPEG. */
  renditions: Rendition[];
}

export function renditionName(size: number, format: PhotoFormat): string {
  return `${size}.${PHOTO_FORMATS[format].extension}`;
}

/** 10485760 → "10 MB"; 1536 → "1.5 KB". */
export function humanBytes(bytes: number): string {
  const [unit, scale] = bytes >= 1024 * 1024 ? ['MB', 1024 * 1024] : bytes >= 1024 ? ['KB', 1024] : ['bytes', 1];
  return `${Number((bytes / scale).toFixed(1))} ${unit}`;
}

const NOT_AN_IMAGE = 'is not a JPEG, PNG or WebP image, or the file is damaged';

/**
 * Checks an upload and makes its renditions: turned upright by its EXIF orientation, cropped to
 * squares, re-encoded. Nothing of the upload's metadata (EXIF with its GPS position, XMP, IPTC,
 * ICC profile) is carried over: sharp writes none unless told to (`keepMetadata`, `withMetadata`),
 * and the pixels are converted to sRGB, so no profile is needed to show the colours right.
 * Every refusal is a BAD_USER_INPUT on `photo`.
 */
export async function processPhoto(bytes: Buffer, maxBytes: number): Promise<ProcessedPhoto> {
  if (bytes.length === 0) throw badInput('photo', 'is empty: send the image as the body');
  if (bytes.length > maxBytes) {
    throw badInput('photo', `is ${humanBytes(bytes.length)}, larger than ${humanBytes(maxBytes)}, the most a photo may be`);
  }
  const input = { limitInputPixels: MAX_INPUT_PIXELS, failOn: 'error' } as const;
  let metadata: Metadata;
  try {
    // The header alone, whatever size it declares: the pixel limit is checked below, with its own message.
    metadata = await sharp(bytes, { ...input, limitInputPixels: false }).metadata();
  } catch {
    throw badInput('photo', NOT_AN_IMAGE);
  }
  const kind = ACCEPTED_INPUTS[metadata.format ?? ''];
  if (!kind)
    throw badInput(
      'photo',
      `is ${metadata.format ? `a ${metadata.format.toUpperCase()} image` : 'not an image'}: upload a JPEG, PNG or WebP`,
    );
  const { width, height } = metadata.autoOrient;
  if (!width || !height || width * height > MAX_INPUT_PIXELS) {
    throw badInput('photo', `is ${width}×${height} pixels, more than ${Math.floor(MAX_INPUT_PIXELS / 1e6)} megapixels`);
  }
  const smallest = RENDITION_SIZES[0];
  if (Math.min(width, height) < smallest) {
    throw badInput('photo', `is ${width}×${height} pixels: it must be at least ${smallest}×${smallest}`);
  }
  const sizes = RENDITION_SIZES.filter((size) => size <= Math.min(width, height));
  const largest = sizes[sizes.length - 1];
  try {
    // One crop at the largest size, its point of interest found once; the smaller sizes are scaled from it.
    const square = await sharp(bytes, input)
      .rotate()
      .resize(largest, largest, { fit: 'cover', position: sharp.strategy.attention })
      .toColourspace('srgb')
      .raw()
      .toBuffer({ resolveWithObject: true });
    const raw = { raw: { width: square.info.width, height: square.info.height, channels: square.info.channels } };
    const renditions: Rendition[] = [];
    for (const size of sizes) {
      for (const format of Object.keys(PHOTO_FORMATS) as PhotoFormat[]) {
        const resized = sharp(square.data, raw).resize(size, size);
        // JPEG has no transparency: a transparent PNG's background becomes white, not black.
        const encoded =
          format === 'webp'
            ? resized.webp({ quality: 82 })
            : resized.flatten({ background: '#ffffff' }).jpeg({ quality: 82, mozjpeg: true });
        const { data, info } = await encoded.toBuffer({ resolveWithObject: true });
        renditions.push({
          name: renditionName(size, format),
          size,
          contentType: PHOTO_FORMATS[format].contentType,
          width: info.width,
          height: info.height,
          bytes: data,
        });
      }
    }
    return { width, height, renditions };
  } catch {
    // Decoding fails here, not in the header: a truncated or otherwise damaged image.
    throw badInput('photo', NOT_AN_IMAGE);
  }
}
