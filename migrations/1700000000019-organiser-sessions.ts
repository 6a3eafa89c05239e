import { MigrationInterface, QueryRunner, Table, TableColumn, TableIndex } from 'typeorm';
import { instant, references } from './support/table-parts';

/**
 * Organisers' sign-in to the console: their e-mail address (for sign-in links), the one-time links
 * mailed to it, and the cookie sessions a pasted token or a link opens.
 */
export class OrganiserSessions1700000000019 implements MigrationInterface {
  name = 'OrganiserSessions1700000000019';

  async up(runner: QueryRunner): Promise<void> {
    await runner.addColumn('organisers', new TableColumn({ name: 'email', type: 'varchar', length: '320', isNullable: true }));
    // Both engines let any number of rows have no address under a unique index.
    await runner.createIndex('organisers', new TableIndex({ name: 'UQ_organisers_email', columnNames: ['email'], isUnique: true }));
    await runner.createTable(
      new Table({
        name: 'organiser_sessions',
        columns: [
          { name: 'id', type: 'integer', isPrimary: true, isGenerated: true, generationStrategy: 'increment' },
          { name: 'organiserId', type: 'integer' },
          { name: 'accessTokenId', type: 'integer', isNullable: true },
          { name: 'hash', type: 'varchar', length: '64' },
          instant('createdAt'),
          instant('expiresAt'),
          instant('endedAt', true),
        ],
        indices: [
          { name: 'IDX_organiser_sessions_organiser', columnNames: ['organiserId'] },
          { name: 'IDX_organiser_sessions_access_token', columnNames: ['accessTokenId'] },
          { name: 'UQ_organiser_sessions_hash', columnNames: ['hash'], isUnique: true },
        ],
        foreignKeys: [
          references('FK_organiser_sessions_organiser', 'organiserId', 'organisers'),
          references('FK_organiser_sessions_access_token', 'accessTokenId', 'access_tokens'),
        ],
      }),
    );
    await runner.createTable(
      new Table({
        name: 'organiser_sign_in_links',
        columns: [
          { name: 'id', type: 'integer', isPrimary: true, isGenerated: true, generationStrategy: 'increment' },
          { name: 'organiserId', type: 'integer' },
          { name: 'hash', type: 'varchar', length: '64' },
          instant('createdAt'),
          instant('expiresAt'),
          instant('usedAt', true),
        ],
        indices: [
          { name: 'IDX_organiser_sign_in_links_organiser', columnNames: ['organiserId'] },
          { name: 'UQ_organiser_sign_in_links_hash', columnNames: ['hash'], isUnique: true },
        ],
        foreignKeys: [references('FK_organiser_sign_in_links_organiser', 'organiserId', 'organisers')],
      }),
    );
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.dropTable('organiser_sign_in_links');
    await runner.dropTable('organiser_sessions');
    await runner.dropIndex('organisers', 'UQ_organisers_email');
    await runner.dropColumn('organisers', 'email');
  }
}
