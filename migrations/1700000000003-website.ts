import { MigrationInterface, QueryRunner, Table, TableColumn } from 'typeorm';

/** What websites show of a speaker: the photo's size and description, and the person's other slugs. */
export class Website1700000000003 implements MigrationInterface {
  name = 'Website1700000000003';

  async up(runner: QueryRunner): Promise<void> {
    await runner.addColumns('speakers', [
      new TableColumn({ name: 'photoWidth', type: 'integer', isNullable: true }),
      new TableColumn({ name: 'photoHeight', type: 'integer', isNullable: true }),
      new TableColumn({ name: 'photoAlt', type: 'text', isNullable: true }),
    ]);
    await runner.createTable(
      new Table({
        name: 'speaker_slugs',
        columns: [
          { name: 'slug', type: 'varchar', length: '80', isPrimary: true },
          { name: 'speakerId', type: 'integer' },
        ],
        indices: [{ name: 'IDX_speaker_slugs_speaker', columnNames: ['speakerId'] }],
        foreignKeys: [
          {
            name: 'FK_speaker_slugs_speaker',
            columnNames: ['speakerId'],
            referencedTableName: 'speakers',
            referencedColumnNames: ['id'],
            onDelete: 'CASCADE',
          },
        ],
      }),
    );
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.dropTable('speaker_slugs');
    await runner.dropColumns('speakers', ['photoAlt', 'photoHeight', 'photoWidth']);
  }
}
