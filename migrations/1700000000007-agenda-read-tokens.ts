import { MigrationInterface, QueryRunner, TableColumn, TableIndex } from 'typeorm';

/**
 * A read token for each agenda beside its edit token, stored as a hash. Agendas made before have
 * none until their token (now their edit token) is next used: it cannot be made without the token.
 */
export class AgendaReadTokens1700000000007 implements MigrationInterface {
  name = 'AgendaReadTokens1700000000007';

  async up(runner: QueryRunner): Promise<void> {
    await runner.addColumn('agendas', new TableColumn({ name: 'readTokenHash', type: 'varchar', length: '64', isNullable: true }));
    await runner.createIndex(
      'agendas',
      new TableIndex({ name: 'UQ_agendas_read_token_hash', columnNames: ['readTokenHash'], isUnique: true }),
    );
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.dropIndex('agendas', 'UQ_agendas_read_token_hash');
    await runner.dropColumn('agendas', 'readTokenHash');
  }
}
