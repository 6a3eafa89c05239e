import { MigrationInterface, QueryRunner, Table } from 'typeorm';

/** The source ids of imported sessions, speakers and rooms, per conference, so a second import updates in place. */
export class ImportSources1700000000012 implements MigrationInterface {
  name = 'ImportSources1700000000012';

  async up(runner: QueryRunner): Promise<void> {
    await runner.createTable(
      new Table({
        name: 'import_sources',
        columns: [
          { name: 'id', type: 'integer', isPrimary: true, isGenerated: true, generationStrategy: 'increment' },
          { name: 'conferenceId', type: 'integer' },
          { name: 'kind', type: 'varchar', length: '16' },
          { name: 'sourceKey', type: 'varchar', length: '500' },
          { name: 'entityId', type: 'integer' },
        ],
        indices: [{ name: 'UQ_import_sources_key', columnNames: ['conferenceId', 'kind', 'sourceKey'], isUnique: true }],
        foreignKeys: [
          {
            name: 'FK_import_sources_conference',
            columnNames: ['conferenceId'],
            referencedTableName: 'conferences',
            referencedColumnNames: ['id'],
            onDelete: 'CASCADE',
          },
        ],
      }),
    );
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.dropTable('import_sources');
  }
}
