import { MigrationInterface, QueryRunner, Table, TableColumnOptions, TableForeignKeyOptions } from 'typeorm';

/** The programme model: conferences, rooms, tracks, speakers, sessions, appearances, interviews. */
export class Programme1700000000000 implements MigrationInterface {
  name = 'Programme1700000000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.createTable(
      new Table({
        name: 'conferences',
        columns: [
          id(),
          varchar('slug', 80),
          varchar('name', 200),
          text('description'),
          varchar('series', 200, true),
          { name: 'edition', type: 'integer', isNullable: true },
          { name: 'startDate', type: 'date' },
          { name: 'endDate', type: 'date' },
          varchar('timeZone', 64),
          varchar('defaultLocale', 35),
          varchar('venue', 200, true),
          varchar('city', 200, true),
          varchar('websiteUrl', 2000, true),
          varchar('organiser', 200, true),
          { ...varchar('status', 16), default: "'DRAFT'" },
          ...timestamps(),
        ],
        indices: [{ name: 'UQ_conferences_slug', columnNames: ['slug'], isUnique: true }],
      }),
    );
    for (const table of ['rooms', 'tracks']) {
      await runner.createTable(
        new Table({
          name: table,
          columns: [
            id(),
            { name: 'conferenceId', type: 'integer' },
            varchar('slug', 80),
            varchar('name', 200),
            ...(table === 'rooms'
              ? [{ name: 'capacity', type: 'integer', isNullable: true }, varchar('streamUrl', 2000, true)]
              : [varchar('color', 7, true)]),
            { name: 'position', type: 'integer', default: 0 },
          ],
          indices: [{ name: `UQ_${table}_conference_slug`, columnNames: ['conferenceId', 'slug'], isUnique: true }],
          foreignKeys: [references(`FK_${table}_conference`, 'conferenceId', 'conferences', 'CASCADE')],
        }),
      );
    }
    await runner.createTable(
      new Table({
        name: 'speakers',
        columns: [
          id(),
          varchar('slug', 80),
          varchar('name', 200),
          text('otherNames'),
          text('bio'),
          varchar('photoUrl', 2000, true),
          text('links'),
          varchar('email', 320, true),
          { ...text('searchText'), default: "''" },
          ...timestamps(),
        ],
        indices: [{ name: 'UQ_speakers_slug', columnNames: ['slug'], isUnique: true }],
      }),
    );
    await runner.createTable(
      new Table({
        name: 'sessions',
        columns: [
          id(),
          varchar('uid', 36),
          { name: 'conferenceId', type: 'integer' },
          text('title'),
          text('abstract'),
          varchar('format', 16),
          varchar('language', 35),
          { name: 'roomId', type: 'integer', isNullable: true },
          { name: 'trackId', type: 'integer', isNullable: true },
          varchar('startsAt', 24, true),
          varchar('endsAt', 24, true),
          { ...varchar('status', 16), default: "'CONFIRMED'" },
          { name: 'published', type: 'boolean' },
          { ...text('notes'), isNullable: true },
          varchar('recordingUrl', 2000, true),
          varchar('slidesUrl', 2000, true),
          varchar('streamUrl', 2000, true),
          { name: 'revision', type: 'integer', default: 0 },
          { ...text('searchText'), default: "''" },
          ...timestamps(),
        ],
        indices: [
          { name: 'UQ_sessions_uid', columnNames: ['uid'], isUnique: true },
          { name: 'IDX_sessions_conference_starts', columnNames: ['conferenceId', 'startsAt'] },
        ],
        foreignKeys: [
          references('FK_sessions_conference', 'conferenceId', 'conferences', 'CASCADE'),
          references('FK_sessions_room', 'roomId', 'rooms', 'SET NULL'),
          references('FK_sessions_track', 'trackId', 'tracks', 'SET NULL'),
        ],
      }),
    );
    await runner.createTable(
      new Table({
        name: 'appearances',
        columns: [
          id(),
          { name: 'sessionId', type: 'integer' },
          { name: 'speakerId', type: 'integer' },
          varchar('role', 16),
          { name: 'position', type: 'integer' },
          varchar('title', 200, true),
          varchar('organisation', 200, true),
        ],
        indices: [
          { name: 'UQ_appearances_session_speaker', columnNames: ['sessionId', 'speakerId'], isUnique: true },
          { name: 'IDX_appearances_speaker', columnNames: ['speakerId'] },
        ],
        foreignKeys: [
          references('FK_appearances_session', 'sessionId', 'sessions', 'CASCADE'),
          references('FK_appearances_speaker', 'speakerId', 'speakers', 'CASCADE'),
        ],
      }),
    );
    await runner.createTable(
      new Table({
        name: 'interviews',
        columns: [
          id(),
          varchar('slug', 120),
          { name: 'conferenceId', type: 'integer', isNullable: true },
          { name: 'sessionId', type: 'integer', isNullable: true },
          text('title'),
          text('lead'),
          varchar('language', 35),
          varchar('author', 200, true),
          { name: 'publishedOn', type: 'date', isNullable: true },
          varchar('sourceUrl', 2000, true),
          { name: 'published', type: 'boolean' },
          ...timestamps(),
        ],
        indices: [{ name: 'UQ_interviews_slug', columnNames: ['slug'], isUnique: true }],
        foreignKeys: [
          references('FK_interviews_conference', 'conferenceId', 'conferences', 'CASCADE'),
          references('FK_interviews_session', 'sessionId', 'sessions', 'SET NULL'),
        ],
      }),
    );
    await runner.createTable(
      new Table({
        name: 'interview_speakers',
        columns: [
          { name: 'interviewId', type: 'integer', isPrimary: true },
          { name: 'speakerId', type: 'integer', isPrimary: true },
          { name: 'position', type: 'integer' },
        ],
        indices: [{ name: 'IDX_interview_speakers_speaker', columnNames: ['speakerId'] }],
        foreignKeys: [
          references('FK_interview_speakers_interview', 'interviewId', 'interviews', 'CASCADE'),
          references('FK_interview_speakers_speaker', 'speakerId', 'speakers', 'CASCADE'),
        ],
      }),
    );
    await runner.createTable(
      new Table({
        name: 'interview_items',
        columns: [
          id(),
          { name: 'interviewId', type: 'integer' },
          { name: 'position', type: 'integer' },
          text('question'),
          varchar('askedBy', 200, true),
          text('answer'),
          { name: 'answeredById', type: 'integer', isNullable: true },
        ],
        indices: [{ name: 'UQ_interview_items_position', columnNames: ['interviewId', 'position'], isUnique: true }],
        foreignKeys: [
          references('FK_interview_items_interview', 'interviewId', 'interviews', 'CASCADE'),
          references('FK_interview_items_speaker', 'answeredById', 'speakers', 'SET NULL'),
        ],
      }),
    );
  }

  async down(runner: QueryRunner): Promise<void> {
    for (const table of [
      'interview_items',
      'interview_speakers',
      'interviews',
      'appearances',
      'sessions',
      'speakers',
      'tracks',
      'rooms',
      'conferences',
    ]) {
      await runner.dropTable(table);
    }
  }
}

function id(): TableColumnOptions {
  return { name: 'id', type: 'integer', isPrimary: true, isGenerated: true, generationStrategy: 'increment' };
}

function varchar(name: string, length: number, isNullable = false): TableColumnOptions {
  return { name, type: 'varchar', length: String(length), isNullable };
}

function text(name: string): TableColumnOptions {
  return { name, type: 'text' };
}

function timestamps(): TableColumnOptions[] {
  return [varchar('createdAt', 24), varchar('updatedAt', 24)];
}

function references(name: string, column: string, table: string, onDelete: 'CASCADE' | 'SET NULL'): TableForeignKeyOptions {
  return { name, columnNames: [column], referencedTableName: table, referencedColumnNames: ['id'], onDelete };
}
