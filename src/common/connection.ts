import { Type } from '@nestjs/common';
import { ArgsType, Field, Int, ObjectType } from '@nestjs/graphql';
import { ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import { badInput } from './errors';

export const MAX_PAGE_SIZE = 100;
export const DEFAULT_PAGE_SIZE = 20;

@ArgsType()
export class PageArgs {
  @Field(() => Int, { nullable: true, description: `How many items, 1 to ${MAX_PAGE_SIZE} (default ${DEFAULT_PAGE_SIZE}).` })
  first?: number;

  @Field({ nullable: true, description: 'The cursor of the item after which the page starts.' })
  after?: string;
}

@ObjectType({ description: 'Where a page sits in its list, and the cursors to ask for the next one.' })
export class PageInfo {
  @Field({ description: 'Whether items follow this page: ask again with `after: endCursor`.' })
  hasNextPage: boolean;

  @Field({ description: 'Whether items come before this page.' })
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
    @Field({ description: 'An opaque position in the list: pass it as `after` to continue after this item.' }) cursor: string;
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
 * Runs one page of an ordered query. Cursors are opaque positions in that order; the total comes
 * from the same statement (a window count), so a page costs one SQL statement.
 *
 * The query must not join: TypeORM pages a joined query in two steps (distinct ids first), which
 * would count the page instead of the list. Filter through subqueries (`IN`, `EXISTS`) instead.
 */
export async function paginate<T extends ObjectLiteral>(query: SelectQueryBuilder<T>, args: PageArgs): Promise<Page<T>> {
  if (query.expressionMap.joinAttributes.length > 0) {
    throw new Error('paginate() needs a query without joins; filter through subqueries instead');
  }
  const first = pageSize(args.first);
  const offset = args.after === undefined || args.after === null ? 0 : decodeCursor(args.after) + 1;
  const { entities, raw } = await pageOf(query, offset, first + 1).getRawAndEntities();
  const totalCount = raw.length > 0 ? Number(raw[0].page_total) : offset === 0 ? 0 : await query.getCount();
  const nodes = entities.slice(0, first);
  const edges = nodes.map((node, index) => ({ cursor: encodeCursor(offset + index), node }));
  return {
    edges,
    totalCount,
    pageInfo: {
      hasNextPage: entities.length > first,
      hasPreviousPage: offset > 0,
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges[edges.length - 1]?.cursor ?? null,
    },
  };
}

/**
 * One statement: the page's ids and the list's total are found over ids and sort keys alone, then
 * only the page's rows are read whole. Counting the whole rows made the database sort every
 * column of every row (a 2,000-session programme's abstracts) to keep a hundred of them.
 */
function pageOf<T extends ObjectLiteral>(query: SelectQueryBuilder<T>, offset: number, limit: number): SelectQueryBuilder<T> {
  const alias = query.alias;
  const ids = query.clone().select(`${alias}.id`, 'page_id').addSelect('COUNT(*) OVER ()', 'page_total').offset(offset).limit(limit);
  const page = query
    .clone()
    .innerJoin(`(${ids.getQuery()})`, 'page', `"page"."page_id" = ${alias}.id`)
    .addSelect('"page"."page_total"', 'page_total')
    .setParameters(ids.getParameters());
  page.expressionMap.wheres = [];
  return page;
}

function pageSize(first: number | undefined | null): number {
  if (first === undefined || first === null) return DEFAULT_PAGE_SIZE;
  if (!Number.isInteger(first) || first < 1 || first > MAX_PAGE_SIZE) {
    throw badInput('first', `must be between 1 and ${MAX_PAGE_SIZE}, not ${first}`);
  }
  return first;
}

const CURSOR_PREFIX = 'position:';

function encodeCursor(position: number): string {
  return Buffer.from(`${CURSOR_PREFIX}${position}`).toString('base64url');
}

function decodeCursor(cursor: string): number {
  const decoded = Buffer.from(cursor, 'base64url').toString();
  const digits = decoded.startsWith(CURSOR_PREFIX) ? decoded.slice(CURSOR_PREFIX.length) : '';
  const position = /^\d{1,15}$/.test(digits) ? Number(digits) : NaN;
  if (!Number.isSafeInteger(position)) {
    throw badInput('after', 'is not a cursor from this list');
  }
  return position;
}
