import { MigrationInterface, QueryRunner, Table } from 'typeorm';

/** Outgoing e-mail: the outbox, which is also the queue the mail worker sends from. */
export class MailOutbox1700000000014 implements MigrationInterface {
  name = 'MailOutbox1700000000014';

  async up(runner: QueryRunner): Promise<void> {
    await runner.createTable(
      new Table({
        name: 'mail_outbox',
        columns: [
          { name: 'id', type: 'integer', isPrimary: true, isGenerated: true, generationStrategy: 'increment' },
          { name: 'kind', type: 'varchar', length: '64' },
          { name: 'to', type: 'varchar', length: '320' },
          { name: 'locale', type: 'varchar', length: '16' },
          { name: 'subject', type: 'varchar', length: '500' },
          { name: 'text', type: 'text' },
          { name: 'html', type: 'text' },
          { name: 'attachments', type: 'text' },
          { name: 'conferenceId', type: 'integer', isNullable: true },
          { name: 'speakerId', type: 'integer', isNullable: true },
          { name: 'status', type: 'varchar', length: '16' },
          { name: 'attempts', type: 'integer', default: 0 },
          { name: 'nextAttemptAt', type: 'varchar', length: '24', isNullable: true },
          { name: 'claimedAt', type: 'varchar', length: '24', isNullable: true },
          { name: 'lastError', type: 'varchar', length: '1000', isNullable: true },
          { name: 'messageId', type: 'varchar', length: '500', isNullable: true },
          { name: 'sentAt', type: 'varchar', length: '24', isNullable: true },
          { name: 'createdAt', type: 'varchar', length: '24' },
          { name: 'updatedAt', type: 'varchar', length: '24' },
        ],
        indices: [
          { name: 'IDX_mail_outbox_due', columnNames: ['status', 'nextAttemptAt'] },
          { name: 'IDX_mail_outbox_conference', columnNames: ['conferenceId', 'id'] },
        ],
        foreignKeys: [
          {
            name: 'FK_mail_outbox_conference',
            columnNames: ['conferenceId'],
            referencedTableName: 'conferences',
            referencedColumnNames: ['id'],
            onDelete: 'SET NULL',
          },
          {
            name: 'FK_mail_outbox_speaker',
            columnNames: ['speakerId'],
            referencedTableName: 'speakers',
            referencedColumnNames: ['id'],
            onDelete: 'SET NULL',
          },
        ],
      }),
    );
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.dropTable('mail_outbox');
  }
}
