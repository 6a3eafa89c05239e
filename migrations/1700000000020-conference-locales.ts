import { MigrationInterface, QueryRunner, TableColumn } from 'typeorm';

/**
 * The languages a conference publishes its texts in, its default first (a JSON list). A
 * conference stored before has its default language alone; organisers add the others.
 */
export class ConferenceLocales1700000000020 implements MigrationInterface {
  name = 'ConferenceLocales1700000000020';

  async up(runner: QueryRunner): Promise<void> {
    await runner.addColumn('conferences', new TableColumn({ name: 'locales', type: 'text', isNullable: true }));
    // '["' || x || '"]' is standard SQL that both engines run; a default locale holds no quote.
    await runner.query(`UPDATE conferences SET locales = '["' || "defaultLocale" || '"]'`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.dropColumn('conferences', 'locales');
  }
}
