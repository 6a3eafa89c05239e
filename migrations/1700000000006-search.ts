import { MigrationInterface, QueryRunner, Table } from 'typeorm';
import { rebuildSearchIndexes } from './support/search-index-1700000000006';

/**
 * Full-text indexes of sessions and speakers, in each engine's own kind: FTS5 virtual tables on
 * SQLite, `tsvector` tables under a GIN index on PostgreSQL. Neither has a schema-builder form, so
 * this migration speaks each engine's SQL. The application fills the indexes; this fills them for
 * the rows already there.
 */
export class Search1700000000006 implements MigrationInterface {
  name = 'Search1700000000006';

  async up(runner: QueryRunner): Promise<void> {
    for (const [table, key, references] of INDEXES) {
      if (runner.connection.options.type === 'postgres') {
        await runner.createTable(
          new Table({
            name: table,
            columns: [
              { name: key, type: 'integer', isPrimary: true },
              { name: 'document', type: 'tsvector' },
            ],
            foreignKeys: [
              {
                name: `FK_${table}_${references}`,
                columnNames: [key],
                referencedTableName: references,
                referencedColumnNames: ['id'],
                onDelete: 'CASCADE',
              },
            ],
          }),
        );
        await runner.query(`CREATE INDEX "IDX_${table}_document" ON "${table}" USING GIN ("document")`);
      } else {
        // The text arrives folded and split into words already (the same words PostgreSQL gets):
        // the tokenizer must not fold it again differently, hence no diacritics removal.
        await runner.query(
          `CREATE VIRTUAL TABLE "${table}" USING fts5("document", tokenize = 'unicode61 remove_diacritics 0', prefix = '2 3')`,
        );
      }
    }
    await rebuildSearchIndexes(runner.manager);
  }

  async down(runner: QueryRunner): Promise<void> {
    for (const [table] of [...INDEXES].reverse()) {
      if (runner.connection.options.type === 'postgres') await runner.dropTable(table);
      else await runner.query(`DROP TABLE "${table}"`);
    }
  }
}

const INDEXES = [
  ['speaker_search', 'speakerId', 'speakers'],
  ['session_search', 'sessionId', 'sessions'],
] as const;
