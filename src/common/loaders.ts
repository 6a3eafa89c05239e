import DataLoader from 'dataloader';

/** What keeps one request's loaders: a GraphQL request's context, say. */
export interface LoaderScope {
  loaders: Map<string, DataLoader<unknown, unknown>>;
}

/**
 * The request's loader for `key`, made on first use. Loaders live for one request, so batching
 * and caching never serve one reader's view (drafts, say) to another.
 */
export function requestLoader<K, V>(scope: LoaderScope, key: string, batch: (keys: readonly K[]) => Promise<V[]>): DataLoader<K, V> {
  let loader = scope.loaders.get(key) as DataLoader<K, V> | undefined;
  if (!loader) {
    loader = new DataLoader<K, V>(batch, { maxBatchSize: 500 });
    scope.loaders.set(key, loader as DataLoader<unknown, unknown>);
  }
  return loader;
}

/** Orders batch results to match the keys: one value (or null) per key. */
export function byKey<K, V>(keys: readonly K[], rows: V[], keyOf: (row: V) => K): (V | null)[] {
  const found = new Map(rows.map((row) => [keyOf(row), row]));
  return keys.map((key) => found.get(key) ?? null);
}

/** Groups batch results by key: a list (maybe empty) per key, in the rows' order. */
export function groupedByKey<K, V>(keys: readonly K[], rows: V[], keyOf: (row: V) => K): V[][] {
  const groups = new Map<K, V[]>(keys.map((key) => [key, []]));
  for (const row of rows) groups.get(keyOf(row))?.push(row);
  return keys.map((key) => groups.get(key) ?? []);
}
