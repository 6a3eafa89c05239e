import { GetObjectCommand, NoSuchKey, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { Inject, Injectable, OnModuleDestroy } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '../../config/configuration';

/**
 * Where the renditions' bytes are kept: in their database row (the default), or, with
 * PHOTO_STORE=s3, as objects in an S3-compatible store (`<S3_PREFIX><photoId>/<name>`), the row
 * keeping only what describes them. A row that holds bytes is read from the database whatever
 * PHOTO_STORE says, so photos stored before a move to S3 keep being served.
 */
@Injectable()
export class PhotoFiles implements OnModuleDestroy {
  private readonly s3?: { client: S3Client; bucket: string; prefix: string };

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    if (config.photoStore !== 's3') return;
    const { endpoint, region, bucket, prefix, accessKeyId, secretAccessKey, forcePathStyle } = config.s3;
    const client = new S3Client({
      region,
      endpoint,
      forcePathStyle,
      credentials: accessKeyId && secretAccessKey ? { accessKeyId, secretAccessKey } : undefined,
      // Content-MD5 and checksums only where S3 requires them: stores that are S3-compatible differ in the rest.
      requestChecksumCalculation: 'WHEN_REQUIRED',
      responseChecksumValidation: 'WHEN_REQUIRED',
    });
    this.s3 = { client, bucket: bucket!, prefix };
  }

  /** Keeps one rendition; answers what its row keeps in `bytes`. */
  async put(photoId: string, name: string, bytes: Buffer, contentType: string): Promise<string> {
    if (!this.s3) return bytes.toString('base64');
    const { client, bucket, prefix } = this.s3;
    await client.send(
      new PutObjectCommand({
        Bucket: bucket,
        Key: `${prefix}${photoId}/${name}`,
        Body: bytes,
        ContentType: contentType,
        CacheControl: 'public, max-age=31536000, immutable',
      }),
    );
    return '';
  }

  /** A rendition's bytes, from its row or the store; null when the store has lost them. */
  async get(photoId: string, name: string, kept: string): Promise<Buffer | null> {
    if (kept !== '') return Buffer.from(kept, 'base64');
    if (!this.s3) return null;
    const { client, bucket, prefix } = this.s3;
    try {
      const object = await client.send(new GetObjectCommand({ Bucket: bucket, Key: `${prefix}${photoId}/${name}` }));
      return Buffer.from(await object.Body!.transformToByteArray());
    } catch (error) {
      if (error instanceof NoSuchKey) return null;
      throw error;
    }
  }

  onModuleDestroy(): void {
    this.s3?.client.destroy();
  }
}
