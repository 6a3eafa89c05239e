import { MigrationInterface, QueryRunner, Table } from 'typeorm';

/** Outgoing webhooks per conference, and the log of their deliveries (which is also the queue). */
export class Webhooks1700000000005 implements MigrationInterface {
  name = 'Webhooks1700000000005';

  async up(runner: QueryRunner): Promise<void> {
    await runner.createTable(
      new Table({
        name: 'webhooks',
        columns: [
          { name: 'id', type: 'integer', isPrimary: true, isGenerated: true, generationStrategy: 'increment' },
          { name: 'conferenceId', type: 'integer' },
          { name: 'url', type: 'varchar', length: '2000' },
          { name: 'events', type: 'text' },
          { name: 'description', type: 'varchar', length: '500', isNullable: true },
          { name: 'secret', type: 'varchar', length: '64' },
          { name: 'createdAt', type: 'varchar', length: '24' },
          { name: 'updatedAt', type: 'varchar', length: '24' },
        ],
        indices: [{ name: 'IDX_webhooks_conference', columnNames: ['conferenceId'] }],
        foreignKeys: [
          {
            name: 'FK_webhooks_conference',
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
        name: 'webhook_deliveries',
        columns: [
          { name: 'id', type: 'integer', isPrimary: true, isGenerated: true, generationStrategy: 'increment' },
          { name: 'webhookId', type: 'integer' },
          { name: 'event', type: 'varchar', length: '32' },
          { name: 'body', type: 'text' },
          { name: 'status', type: 'varchar', length: '16' },
          { name: 'attempts', type: 'integer', default: 0 },
          { name: 'nextAttemptAt', type: 'varchar', length: '24', isNullable: true },
          { name: 'claimedAt', type: 'varchar', length: '24', isNullable: true },
          { name: 'responseStatus', type: 'integer', isNullable: true },
          { name: 'error', type: 'varchar', length: '500', isNullable: true },
          { name: 'attemptLog', type: 'text' },
          { name: 'lastAttemptAt', type: 'varchar', length: '24', isNullable: true },
          { name: 'deliveredAt', type: 'varchar', length: '24', isNullable: true },
          { name: 'createdAt', type: 'varchar', length: '24' },
          { name: 'updatedAt', type: 'varchar', length: '24' },
        ],
        indices: [
          { name: 'IDX_webhook_deliveries_webhook', columnNames: ['webhookId', 'id'] },
          { name: 'IDX_webhook_deliveries_due', columnNames: ['status', 'nextAttemptAt'] },
        ],
        foreignKeys: [
          {
            name: 'FK_webhook_deliveries_webhook',
            columnNames: ['webhookId'],
            referencedTableName: 'webhooks',
            referencedColumnNames: ['id'],
            onDelete: 'CASCADE',
          },
        ],
      }),
    );
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.dropTable('webhook_deliveries');
    await runner.dropTable('webhooks');
  }
}
