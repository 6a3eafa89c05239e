import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { LocalisedText } from '../../common/localisation';
import { InstantColumn } from '../../database/columns';
import { Speaker } from '../../speakers/speaker.entity';

/** A photo as uploaded for a speaker, before or after it is shown on their profile. */
@Entity('speaker_photos')
export class SpeakerPhoto {
  /**
   * 128 random bits, never reused: a photo's renditions never change under their address, so
   * they may be cached for a year; and a photo still awaiting review cannot be guessed.
   */
  @PrimaryColumn({ type: 'varchar', length: 32 })
  id: string;

  @Index('IDX_speaker_photos_speaker')
  @Column({ type: 'integer' })
  speakerId: number;

  @ManyToOne(() => Speaker, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'speakerId', foreignKeyConstraintName: 'FK_speaker_photos_speaker' })
  speaker?: Speaker;

  /** The upload's own size, once turned upright. */
  @Column({ type: 'integer' })
  width: number;

  @Column({ type: 'integer' })
  height: number;

  /** What the photo shows, per locale, given with the upload; merged into the profile's when it is shown. */
  @Column({ type: 'simple-json', nullable: true })
  alt: LocalisedText | null;

  @InstantColumn()
  createdAt: Date;
}

/** One size and format of a photo, as served at /photos/<photoId>/<name>. */
@Entity('speaker_photo_renditions')
export class PhotoRendition {
  @PrimaryColumn({ type: 'varchar', length: 32 })
  photoId: string;

  /** Its file name: `<size>.<webp|jpg>`. */
  @PrimaryColumn({ type: 'varchar', length: 16 })
  name: string;

  @ManyToOne(() => SpeakerPhoto, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'photoId', foreignKeyConstraintName: 'FK_speaker_photo_renditions_photo' })
  photo?: SpeakerPhoto;

  @Column({ type: 'varchar', length: 32 })
  contentType: string;

  @Column({ type: 'integer' })
  width: number;

  @Column({ type: 'integer' })
  height: number;

  /** A strong validator of the bytes (sha256, base64url, quoted). */
  @Column({ type: 'varchar', length: 48 })
  etag: string;

  /**
   * The encoded image as base64 text. SQLite's BLOB and PostgreSQL's bytea are different column
   * types that one TypeORM entity cannot name for both engines (and the schema-equals-entities
   * check compares them); text is the same on both and survives the database copy between them.
   * A third more bytes is cheap at these sizes (tens of kilobytes a rendition). Empty when the
   * bytes are in an S3-compatible store instead (PHOTO_STORE=s3, see PhotoFiles).
   */
  @Column({ type: 'text' })
  bytes: string;
}
