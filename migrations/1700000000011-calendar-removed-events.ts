import { MigrationInterface, QueryRunner, TableColumn, TableIndex } from 'typeorm';

/**
 * What the calendar ledger needs to keep a removed event as cancelled: the session and conference
 * it was, the conference's end date (the while it is kept counts from it), when it left the public
 * programme, and what was last shown of it.
 */
export class CalendarRemovedEvents1700000000011 implements MigrationInterface {
  name = 'CalendarRemovedEvents1700000000011';

  async up(runner: QueryRunner): Promise<void> {
    await runner.addColumns('calendar_events', [
      new TableColumn({ name: 'sessionId', type: 'integer', isNullable: true }),
      new TableColumn({ name: 'conferenceId', type: 'integer', isNullable: true }),
      new TableColumn({ name: 'conferenceEndDate', type: 'varchar', length: '10', isNullable: true }),
      new TableColumn({ name: 'removedAt', type: 'varchar', length: '24', isNullable: true }),
      new TableColumn({ name: 'shown', type: 'text', isNullable: true }),
    ]);
    await runner.createIndex('calendar_events', new TableIndex({ name: 'IDX_calendar_events_conference', columnNames: ['conferenceId'] }));
    await runner.createIndex('calendar_events', new TableIndex({ name: 'IDX_calendar_events_session', columnNames: ['sessionId'] }));
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.dropIndex('calendar_events', 'IDX_calendar_events_session');
    await runner.dropIndex('calendar_events', 'IDX_calendar_events_conference');
    for (const name of ['shown', 'removedAt', 'conferenceEndDate', 'conferenceId', 'sessionId'])
      await runner.dropColumn('calendar_events', name);
  }
}
