import { Type } from '@nestjs/common';
import { ArgsType, Field, Int, ObjectType } from '@nestjs/graphql';
import { ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import { ColumnMetadata } from 'typeorm/metadata/ColumnMetadata';
import { badInput } from './errors';
import { leanReader } from './lean-rows';

export const MAX_PAGE_SIZE = 100;
export const DEFAULT_PAGE_SIZE = 20;

@ArgsType()
export class PageArgs {
  @Field(() => Int, {
    nullable: true,
    description: `How many items from the start of the list (or from after \`after\`), 1 to ${MAX_PAGE_SIZE}; default ${DEFAULT_PAGE_SIZE} when \`last\` is not given either.`,
  })
  first?: number;

  @Field({ nullable: true, description: "The cursor of the item after which the page starts (a previous page's `endCursor`)." })
  after?: string;

  @Field(() => Int, {
    nullable: true,
    description: `How many items from the end of the list (or from before \`before\`), 1 to ${MAX_PAGE_SIZE}; not with \`first\`.`,
  })
  last?: number;

  @Field({ nullable: true, description: "The cursor of the item before which the page ends (a later page's `startCursor`)." })
  before?: string;
}

@ObjectType({ description: 'Where a page sits in its list, and the cursors to ask for the next one.' })
export class PageInfo {
  @Field({ description: 'Whether items follow this page: ask again with `after: endCursor`.' })
  hasNextPage: boolean;

  @Field({ description: 'Whether items come before this page: ask again with `last` and `before: startCursor`.' })
  hasPreviousPage: boolean;

  @Field(() => String, { nullable: true, description: "The first item's cursor; empty for an empty page." })
  startCursor: string | null;

  @Field(() => String, { nullable: true, description: "The last item's cursor, for `after`; empty for an empty page." })
  endCursor: string | null;
}

export interface Edge<T> {
  cursor: string;
  node: T;
}

export interface Page<T> {
  edges: Edge<T>[];
  pageInfo: PageInfo;
  totalCount: number;
}

/** `@ObjectType() class SessionConnection extends Connection(Session) {}` */
export function Connection<T>(nodeType: Type<T>) {
  @ObjectType(`${nodeType.name}Edge`, { description: `One ${nodeType.name} of a list, with its cursor.` })
  class EdgeType implements Edge<T> {
    @Field({
      description:
        'Where this item sits in the list, as `after` or `before` to continue from it; it names the item by its sort key, so inserts and deletes elsewhere never make a page repeat or skip one.',
    })
    cursor: string;
    @Field(() => nodeType, { description: 'The item.' }) node: T;
  }

  @ObjectType({ isAbstract: true })
  abstract class ConnectionType implements Page<T> {
    @Field(() => [EdgeType], { description: "The page's items, in the list's order." }) edges: EdgeType[];
    @Field(() => PageInfo, { description: 'Whether more pages follow, and their cursors.' }) pageInfo: PageInfo;
    @Field(() => Int, { description: 'How many items the whole list has.' }) totalCount: number;
  }
  return ConnectionType;
}

/**
 * Runs one page of an ordered query, by keyset: a cursor holds the sort key of its item (the
 * query's ORDER BY, which must end with the id) and the page is what sorts after (or before) it,
 * so rows inserted or deleted meanwhile never shift a page the way an offset would. The total
 * comes from the same statement, so a page costs one SQL statement.
 *
 * The query must not join: TypeORM pages a joined query in two steps (distinct ids first), which
 * would count the page instead of the list. Filter through subqueries (`IN`, `EXISTS`) instead.
 *
 * With `columns`, the page reads only those (and the sort keys) into objects of the entity's
 * class with just those properties: what a query asks for, without TypeORM's hydration, which
 * cost a page of a hundred sessions more than its SQL did.
 */
export async function paginate<T extends ObjectLiteral>(
  query: SelectQueryBuilder<T>,
  args: PageArgs,
  columns?: readonly (keyof T & string)[],
): Promise<Page<T>> {
  if (query.expressionMap.joinAttributes.length > 0) {
    throw new Error('paginate() needs a query without joins; filter through subqueries instead');
  }
  const keys = sortKeysOf(query);
  const { size, fromEnd } = pageSizeOf(args);
  const list = query.alias;
  const after = args.after == null ? undefined : decodeCursor('after', args.after, list, keys);
  const before = args.before == null ? undefined : decodeCursor('before', args.before, list, keys);
  const page = pageOf(query, keys, { after, before, fromEnd, limit: size + 1 });
  const { entities, raw } = columns
    ? await rowsOf(page, [...columns, ...keys.map((key) => key.column.propertyName)])
    : await page.getRawAndEntities();
  const hasMore = entities.length > size;
  // The page is read in the list's order; from the end, the extra item is the first one.
  const nodes = hasMore ? (fromEnd ? entities.slice(1) : entities.slice(0, size)) : entities;
  const totalCount = raw.length > 0 ? Number(raw[0].page_total) : after || before ? await query.getCount() : 0;
  const edges = nodes.map((node) => ({ cursor: encodeCursor(list, keys, node), node }));
  return {
    edges,
    totalCount,
    pageInfo: {
      hasNextPage: fromEnd ? before !== undefined : hasMore,
      hasPreviousPage: fromEnd ? hasMore : after !== undefined,
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges[edges.length - 1]?.cursor ?? null,
    },
  };
}

/** One column of the list's order. */
interface SortKey {
  /** `alias.property`, as the query names it. */
  path: string;
  column: ColumnMetadata;
  descending: boolean;
  /** Only for nullable columns, which must say where their nulls go (SQLite and PostgreSQL differ). */
  nullsLast?: boolean;
}

function sortKeysOf<T extends ObjectLiteral>(query: SelectQueryBuilder<T>): SortKey[] {
  const alias = query.expressionMap.mainAlias!;
  const keys = Object.entries(query.expressionMap.orderBys).map(([path, order]): SortKey => {
    const [keyAlias, property] = path.split('.');
    const column = keyAlias === alias.name ? alias.metadata.findColumnWithPropertyPath(property) : undefined;
    if (!column) throw new Error(`paginate() sorts by columns of ${alias.name}, not by ${path}`);
    const { order: direction, nulls } = typeof order === 'string' ? { order, nulls: undefined } : order;
    if (column.isNullable && !nulls) throw new Error(`paginate() needs NULLS FIRST or LAST for the nullable ${path}`);
    return { path, column, descending: direction === 'DESC', nullsLast: nulls ? nulls === 'NULLS LAST' : undefined };
  });
  if (!keys.at(-1)?.column.isPrimary) throw new Error('paginate() needs an order that ends with the id, to tell equal keys apart');
  return keys;
}

interface PageWindow {
  after?: unknown[];
  before?: unknown[];
  fromEnd: boolean;
  limit: number;
}

/**
 * One statement: the page's ids and the list's total are found over ids and sort keys alone, then
 * only the page's rows are read whole. Counting the whole rows made the database sort every
 * column of every row (a 2,000-session programme's abstracts) to keep a hundred of them.
 */
function pageOf<T extends ObjectLiteral>(query: SelectQueryBuilder<T>, keys: SortKey[], window: PageWindow): SelectQueryBuilder<T> {
  const alias = query.alias;
  const total = query.clone().select('COUNT(*)').orderBy();
  const ids = query.clone().select(`${alias}.id`, 'page_id').addSelect(`(${total.getQuery()})`, 'page_total').limit(window.limit);
  if (window.after) ids.andWhere(...beyond(keys, window.after, 'after'));
  if (window.before) ids.andWhere(...beyond(reversed(keys), window.before, 'before'));
  if (window.fromEnd) ids.orderBy(Object.fromEntries(reversed(keys).map(orderByOf)));
  const page = query
    .clone()
    .innerJoin(`(${ids.getQuery()})`, 'page', `"page"."page_id" = ${alias}.id`)
    .addSelect('"page"."page_total"', 'page_total')
    .setParameters(ids.getParameters());
  page.expressionMap.wheres = [];
  return page;
}

/** The page's rows with only these columns (see `leanReader`). */
async function rowsOf<T extends ObjectLiteral>(
  page: SelectQueryBuilder<T>,
  properties: string[],
): Promise<{ entities: T[]; raw: ObjectLiteral[] }> {
  const alias = page.expressionMap.mainAlias!;
  const reader = leanReader<T>(page.connection, alias.target, alias.name, properties);
  const raw = await page.select(reader.selects).addSelect('"page"."page_total"', 'page_total').getRawMany();
  return { entities: raw.map((row) => reader.read(row)), raw };
}

/** The same order read backwards. */
function reversed(keys: SortKey[]): SortKey[] {
  return keys.map((key) => ({ ...key, descending: !key.descending, nullsLast: key.nullsLast === undefined ? undefined : !key.nullsLast }));
}

function orderByOf(key: SortKey): [string, 'ASC' | 'DESC' | { order: 'ASC' | 'DESC'; nulls: 'NULLS FIRST' | 'NULLS LAST' }] {
  const order = key.descending ? 'DESC' : 'ASC';
  if (key.nullsLast === undefined) return [key.path, order];
  return [key.path, { order, nulls: key.nullsLast ? 'NULLS LAST' : 'NULLS FIRST' }];
}

/**
 * The condition "sorts after the item whose key is `values`", with its parameters: after on the
 * first key, or equal on it and after on the next, and so on (written out rather than as a row
 * comparison, which cannot mix directions or place nulls).
 */
function beyond(keys: SortKey[], values: unknown[], name: string): [string, Record<string, unknown>] {
  const parameters: Record<string, unknown> = {};
  const equal: string[] = [];
  const alternatives: string[] = [];
  keys.forEach((key, index) => {
    const value = values[index];
    const parameter = `${name}_key_${index}`;
    if (value !== null) parameters[parameter] = value;
    const later = value === null ? (key.nullsLast ? undefined : `${key.path} IS NOT NULL`) : laterThan(key, parameter);
    if (later) alternatives.push([...equal, later].join(' AND '));
    equal.push(value === null ? `${key.path} IS NULL` : `${key.path} = :${parameter}`);
  });
  return [alternatives.length > 0 ? `((${alternatives.join(') OR (')}))` : '1 = 0', parameters];
}

function laterThan(key: SortKey, parameter: string): string {
  const comparison = `${key.path} ${key.descending ? '<' : '>'} :${parameter}`;
  return key.nullsLast ? `(${comparison} OR ${key.path} IS NULL)` : comparison;
}

function pageSizeOf({ first, last }: PageArgs): { size: number; fromEnd: boolean } {
  if (first != null && last != null) throw badInput('last', 'give first or last, not both');
  const checked = (field: 'first' | 'last', value: number) => {
    if (!Number.isInteger(value) || value < 1 || value > MAX_PAGE_SIZE) {
      throw badInput(field, `must be between 1 and ${MAX_PAGE_SIZE}, not ${value}`);
    }
    return value;
  };
  if (last != null) return { size: checked('last', last), fromEnd: true };
  return { size: first == null ? DEFAULT_PAGE_SIZE : checked('first', first), fromEnd: false };
}

const CURSOR_VERSION = 'k1';

/**
 * The item's sort key as stored (instants as their ISO text), so the cursor outlives the item,
 * and the list it is from, so that another list's cursor is refused rather than misread.
 */
function encodeCursor(list: string, keys: SortKey[], item: ObjectLiteral): string {
  const values = keys.map(({ column }) => {
    const value = column.getEntityValue(item);
    const stored = column.transformer && !Array.isArray(column.transformer) ? column.transformer.to(value) : value;
    return stored ?? null;
  });
  return Buffer.from(JSON.stringify([CURSOR_VERSION, list, ...values])).toString('base64url');
}

function decodeCursor(field: 'after' | 'before', cursor: string, list: string, keys: SortKey[]): unknown[] {
  let decoded: unknown;
  try {
    decoded = JSON.parse(Buffer.from(cursor, 'base64url').toString());
  } catch {
    decoded = undefined;
  }
  const fits =
    Array.isArray(decoded) &&
    decoded[0] === CURSOR_VERSION &&
    decoded[1] === list &&
    decoded.length === keys.length + 2 &&
    decoded.slice(2).every((value, index) => fitsColumn(value, keys[index].column));
  if (!fits) throw badInput(field, 'is not a cursor from this list');
  return (decoded as unknown[]).slice(2);
}

function fitsColumn(value: unknown, column: ColumnMetadata): boolean {
  if (value === null) return column.isNullable;
  const numeric = column.type === Number || column.type === 'int' || column.type === 'integer';
  return numeric ? Number.isSafeInteger(value) : typeof value === 'string' && value.length <= 1000;
}
