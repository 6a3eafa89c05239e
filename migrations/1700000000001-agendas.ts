import { MigrationInterface, QueryRunner, Table } from 'typeorm';

/** Attendees' personal agendas: a token hash, and the sessions picked. */
export class Agendas1700000000001 implements MigrationInterface {
  name = 'Agendas1700000000001';

  async up(runner: QueryRunner): Promise<void> {
    await runner.createTable(
      new Table({
        name: 'agendas',
        columns: [
          { name: 'id', type: 'integer', isPrimary: true, isGenerated: true, generationStrategy: 'increment' },
          { name: 'tokenHash', type: 'varchar', length: '64' },
          { name: 'createdAt', type: 'varchar', length: '24' },
          { name: 'updatedAt', type: 'varchar', length: '24' },
        ],
        indices: [{ name: 'UQ_agendas_token_hash', columnNames: ['tokenHash'], isUnique: true }],
      }),
    );
    await runner.createTable(
      new Table({
        name: 'agenda_sessions',
        columns: [
          { name: 'agendaId', type: 'integer', isPrimary: true },
          { name: 'sessionId', type: 'integer', isPrimary: true },
          { name: 'addedAt', type: 'varchar', length: '24' },
        ],
        indices: [{ name: 'IDX_agenda_sessions_session', columnNames: ['sessionId'] }],
        foreignKeys: [
          {
            name: 'FK_agenda_sessions_agenda',
            columnNames: ['agendaId'],
            referencedTableName: 'agendas',
            referencedColumnNames: ['id'],
            onDelete: 'CASCADE',
          },
          {
            name: 'FK_agenda_sessions_session',
            columnNames: ['sessionId'],
            referencedTableName: 'sessions',
            referencedColumnNames: ['id'],
            onDelete: 'CASCADE',
          },
        ],
      }),
    );
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.dropTable('agenda_sessions');
    await runner.dropTable('agendas');
  }
}
