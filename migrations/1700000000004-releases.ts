import { MigrationInterface, QueryRunner, Table, TableColumn } from 'typeorm';

/**
 * Schedule releases (the published programme frozen as a numbered version), the windows a room
 * can be used in, whether rooms and tracks are public, and what a conference's public readers
 * follow by default: the live programme or its latest release.
 */
export class Releases1700000000004 implements MigrationInterface {
  name = 'Releases1700000000004';

  async up(runner: QueryRunner): Promise<void> {
    // SQLite keeps booleans as 0/1 and compares defaults in that form (no drift against the entities).
    const shown = runner.connection.options.type === 'sqlite' ? 1 : true;
    await runner.addColumn('conferences', new TableColumn({ name: 'programmeFollows', type: 'varchar', length: '16', default: "'LIVE'" }));
    await runner.addColumn('rooms', new TableColumn({ name: 'published', type: 'boolean', default: shown }));
    await runner.addColumn('tracks', new TableColumn({ name: 'published', type: 'boolean', default: shown }));
    await runner.createTable(
      new Table({
        name: 'schedule_releases',
        columns: [
          { name: 'id', type: 'integer', isPrimary: true, isGenerated: true, generationStrategy: 'increment' },
          { name: 'conferenceId', type: 'integer' },
          { name: 'version', type: 'integer' },
          { name: 'name', type: 'varchar', length: '200' },
          { name: 'note', type: 'text', isNullable: true },
          { name: 'releasedAt', type: 'varchar', length: '24' },
          { name: 'releasedById', type: 'integer', isNullable: true },
          { name: 'releasedByName', type: 'varchar', length: '200', isNullable: true },
          { name: 'programme', type: 'text' },
        ],
        indices: [{ name: 'UQ_schedule_releases_conference_version', columnNames: ['conferenceId', 'version'], isUnique: true }],
        foreignKeys: [
          {
            name: 'FK_schedule_releases_conference',
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
        name: 'room_availability',
        columns: [
          { name: 'id', type: 'integer', isPrimary: true, isGenerated: true, generationStrategy: 'increment' },
          { name: 'roomId', type: 'integer' },
          { name: 'startsAt', type: 'varchar', length: '24' },
          { name: 'endsAt', type: 'varchar', length: '24' },
        ],
        indices: [{ name: 'IDX_room_availability_room', columnNames: ['roomId', 'startsAt'] }],
        foreignKeys: [
          {
            name: 'FK_room_availability_room',
            columnNames: ['roomId'],
            referencedTableName: 'rooms',
            referencedColumnNames: ['id'],
            onDelete: 'CASCADE',
          },
        ],
      }),
    );
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.dropTable('room_availability');
    await runner.dropTable('schedule_releases');
    await runner.dropColumn('tracks', 'published');
    await runner.dropColumn('rooms', 'published');
    await runner.dropColumn('conferences', 'programmeFollows');
  }
}
