import { MigrationInterface, QueryRunner, Table } from 'typeorm';

/**
 * The calendar ledger: for each event UID a feed has shown, the SEQUENCE and LAST-MODIFIED it was
 * shown with and a hash of what it showed, so an event's SEQUENCE only ever rises, whatever a feed
 * reads it from (the live programme or a release).
 */
export class CalendarEvents1700000000010 implements MigrationInterface {
  name = 'CalendarEvents1700000000010';

  async up(runner: QueryRunner): Promise<void> {
    await runner.createTable(
      new Table({
        name: 'calendar_events',
        columns: [
          { name: 'id', type: 'integer', isPrimary: true, isGenerated: true, generationStrategy: 'increment' },
          { name: 'uid', type: 'varchar', length: '36' },
          { name: 'sequence', type: 'integer' },
          { name: 'contentHash', type: 'varchar', length: '64' },
          { name: 'lastModified', type: 'varchar', length: '24' },
        ],
        indices: [{ name: 'UQ_calendar_events_uid', columnNames: ['uid'], isUnique: true }],
      }),
    );
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.dropTable('calendar_events');
  }
}
