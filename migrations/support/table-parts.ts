import { TableColumnOptions, TableForeignKeyOptions } from 'typeorm';

/**
 * Pieces of tables that the migrations from 1700000000016 on share. Frozen, like the migrations:
 * a later migration that wants another shape writes its own rather than change these.
 */

/** An instant, as src/database/columns.ts stores it: fixed-width UTC ISO-8601 text. */
export const instant = (name: string, isNullable = false): TableColumnOptions => ({ name, type: 'varchar', length: '24', isNullable });

/** A foreign key to another table's id that goes with the row it names. */
export const references = (name: string, column: string, table: string): TableForeignKeyOptions => ({
  name,
  columnNames: [column],
  referencedTableName: table,
  referencedColumnNames: ['id'],
  onDelete: 'CASCADE',
});
