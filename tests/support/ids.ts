import { fromGlobalId } from 'graphql-relay';

/**
 * The row id a GraphQL id names, for what addresses the number (feeds, pages, exports) or reads
 * the database; decoded by graphql-relay, not by Lectern. A bare number is its own row id.
 */
export function rowId(id: string | number): number {
  return /^\d+$/.test(String(id)) ? Number(id) : Number(fromGlobalId(String(id)).id);
}
