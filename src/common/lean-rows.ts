import { DataSource, EntityTarget, ObjectLiteral } from 'typeorm';
import { DriverUtils } from 'typeorm/driver/DriverUtils';

/**
 * Reads some columns of an entity from raw rows into objects of its class holding just those
 * properties, each value converted as TypeORM converts it (JSON, booleans, instants), without
 * TypeORM's hydration: on a page of a hundred sessions and their line-ups, that cost more than the
 * SQL. `selects` are the query builder's selections (`alias.property`), whose rows `read` takes.
 */
export function leanReader<T extends ObjectLiteral>(
  dataSource: DataSource,
  target: EntityTarget<T>,
  alias: string,
  properties: readonly string[],
): { selects: string[]; read(row: ObjectLiteral): T } {
  const metadata = dataSource.getMetadata(target);
  const { driver } = dataSource;
  const columns = [...new Set(properties)].map((property) => {
    const column = metadata.findColumnWithPropertyPath(property);
    if (!column) throw new Error(`${metadata.name} has no column ${property}`);
    return { column, key: DriverUtils.buildAlias(driver, undefined, alias, column.databaseName) };
  });
  const prototype = (metadata.target as { prototype: object }).prototype;
  return {
    selects: columns.map(({ column }) => `${alias}.${column.propertyPath}`),
    read(row) {
      const entity = Object.create(prototype) as T;
      for (const { column, key } of columns) column.setEntityValue(entity, driver.prepareHydratedValue(row[key], column));
      return entity;
    },
  };
}
