import { MigrationInterface, QueryRunner, TableColumn } from 'typeorm';

/**
 * A rotated webhook secret keeps signing deliveries, beside the new one, for a grace period:
 * the webhook keeps the secret it replaced and until when that still signs.
 */
export class WebhookSecretRotation1700000000013 implements MigrationInterface {
  name = 'WebhookSecretRotation1700000000013';

  async up(runner: QueryRunner): Promise<void> {
    await runner.addColumn('webhooks', new TableColumn({ name: 'previousSecret', type: 'varchar', length: '64', isNullable: true }));
    await runner.addColumn(
      'webhooks',
      new TableColumn({ name: 'previousSecretExpiresAt', type: 'varchar', length: '24', isNullable: true }),
    );
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.dropColumn('webhooks', 'previousSecretExpiresAt');
    await runner.dropColumn('webhooks', 'previousSecret');
  }
}
