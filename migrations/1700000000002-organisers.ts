import { MigrationInterface, QueryRunner, Table } from 'typeorm';

/** Organisers, their conference scopes and their personal access tokens. */
export class Organisers1700000000002 implements MigrationInterface {
  name = 'Organisers1700000000002';

  async up(runner: QueryRunner): Promise<void> {
    await runner.createTable(
      new Table({
        name: 'organisers',
        columns: [
          { name: 'id', type: 'integer', isPrimary: true, isGenerated: true, generationStrategy: 'increment' },
          { name: 'name', type: 'varchar', length: '200' },
          { name: 'role', type: 'varchar', length: '16' },
          { name: 'createdAt', type: 'varchar', length: '24' },
          { name: 'updatedAt', type: 'varchar', length: '24' },
        ],
      }),
    );
    await runner.createTable(
      new Table({
        name: 'organiser_conferences',
        columns: [
          { name: 'organiserId', type: 'integer', isPrimary: true },
          { name: 'conferenceId', type: 'integer', isPrimary: true },
        ],
        indices: [{ name: 'IDX_organiser_conferences_conference', columnNames: ['conferenceId'] }],
        foreignKeys: [
          {
            name: 'FK_organiser_conferences_organiser',
            columnNames: ['organiserId'],
            referencedTableName: 'organisers',
            referencedColumnNames: ['id'],
            onDelete: 'CASCADE',
          },
          {
            name: 'FK_organiser_conferences_conference',
            columnNames: ['conferenceId'],
            referencedTableName: 'conferences',
            referencedColumnNames: ['id'],
            onDelete: 'CASCADE',
          },
        ],
      }),
    );
    await runner.createTable(
      new Table({
        name: 'access_tokens',
        columns: [
          { name: 'id', type: 'integer', isPrimary: true, isGenerated: true, generationStrategy: 'increment' },
          { name: 'organiserId', type: 'integer' },
          { name: 'name', type: 'varchar', length: '200' },
          { name: 'prefix', type: 'varchar', length: '16' },
          { name: 'hash', type: 'varchar', length: '64' },
          { name: 'createdAt', type: 'varchar', length: '24' },
          { name: 'expiresAt', type: 'varchar', length: '24', isNullable: true },
          { name: 'lastUsedAt', type: 'varchar', length: '24', isNullable: true },
          { name: 'revokedAt', type: 'varchar', length: '24', isNullable: true },
        ],
        indices: [
          { name: 'UQ_access_tokens_hash', columnNames: ['hash'], isUnique: true },
          { name: 'IDX_access_tokens_organiser', columnNames: ['organiserId'] },
        ],
        foreignKeys: [
          {
            name: 'FK_access_tokens_organiser',
            columnNames: ['organiserId'],
            referencedTableName: 'organisers',
            referencedColumnNames: ['id'],
            onDelete: 'CASCADE',
          },
        ],
      }),
    );
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.dropTable('access_tokens');
    await runner.dropTable('organiser_conferences');
    await runner.dropTable('organisers');
  }
}
