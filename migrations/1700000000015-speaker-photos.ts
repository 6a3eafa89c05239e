import { MigrationInterface, QueryRunner, Table } from 'typeorm';

/**
 * Speakers' uploaded photos and their renditions (each size and format), kept in the database
 * so that every instance serves the same ones; the encoded images are base64 text, the one
 * column type that holds bytes alike on SQLite and PostgreSQL.
 */
export class SpeakerPhotos1700000000015 implements MigrationInterface {
  name = 'SpeakerPhotos1700000000015';

  async up(runner: QueryRunner): Promise<void> {
    await runner.createTable(
      new Table({
        name: 'speaker_photos',
        columns: [
          { name: 'id', type: 'varchar', length: '32', isPrimary: true },
          { name: 'speakerId', type: 'integer' },
          { name: 'width', type: 'integer' },
          { name: 'height', type: 'integer' },
          { name: 'alt', type: 'text', isNullable: true },
          { name: 'createdAt', type: 'varchar', length: '24' },
        ],
        indices: [{ name: 'IDX_speaker_photos_speaker', columnNames: ['speakerId'] }],
        foreignKeys: [
          {
            name: 'FK_speaker_photos_speaker',
            columnNames: ['speakerId'],
            referencedTableName: 'speakers',
            referencedColumnNames: ['id'],
            onDelete: 'CASCADE',
          },
        ],
      }),
    );
    await runner.createTable(
      new Table({
        name: 'speaker_photo_renditions',
        columns: [
          { name: 'photoId', type: 'varchar', length: '32', isPrimary: true },
          { name: 'name', type: 'varchar', length: '16', isPrimary: true },
          { name: 'contentType', type: 'varchar', length: '32' },
          { name: 'width', type: 'integer' },
          { name: 'height', type: 'integer' },
          { name: 'etag', type: 'varchar', length: '48' },
          { name: 'bytes', type: 'text' },
        ],
        foreignKeys: [
          {
            name: 'FK_speaker_photo_renditions_photo',
            columnNames: ['photoId'],
            referencedTableName: 'speaker_photos',
            referencedColumnNames: ['id'],
            onDelete: 'CASCADE',
          },
        ],
      }),
    );
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.dropTable('speaker_photo_renditions');
    await runner.dropTable('speaker_photos');
  }
}
