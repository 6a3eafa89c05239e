import { FieldNode, GraphQLResolveInfo, SelectionSetNode } from 'graphql';

/**
 * The names of the fields a query selects on the objects `path` leads to below the field being
 * resolved (`['edges', 'node']` for a connection's items), with every alias, fragment and
 * directive's field counted: a superset, so that a read narrowed to it never misses one.
 */
export function selectedFields(info: Pick<GraphQLResolveInfo, 'fieldNodes' | 'fragments'>, path: readonly string[] = []): Set<string> {
  let level: readonly SelectionSetNode[] = info.fieldNodes.flatMap((node) => (node.selectionSet ? [node.selectionSet] : []));
  for (const name of path) {
    level = fieldsOf(level, info.fragments)
      .filter((field) => field.name.value === name)
      .flatMap((field) => (field.selectionSet ? [field.selectionSet] : []));
  }
  return new Set(fieldsOf(level, info.fragments).map((field) => field.name.value));
}

function fieldsOf(sets: readonly SelectionSetNode[], fragments: GraphQLResolveInfo['fragments']): FieldNode[] {
  const fields: FieldNode[] = [];
  const visit = (set: SelectionSetNode, seen: Set<string>) => {
    for (const selection of set.selections) {
      if (selection.kind === 'Field') fields.push(selection);
      else if (selection.kind === 'InlineFragment') visit(selection.selectionSet, seen);
      else if (!seen.has(selection.name.value) && fragments[selection.name.value]) {
        seen.add(selection.name.value);
        visit(fragments[selection.name.value].selectionSet, seen);
      }
    }
  };
  for (const set of sets) visit(set, new Set());
  return fields;
}

/**
 * The columns a read needs for these fields: `always` and those of each field, or undefined (the
 * whole row) when a field is not in `columnsOf`, whose resolver may read anything.
 */
export function columnsFor<C extends string>(
  fields: ReadonlySet<string> | undefined,
  columnsOf: Readonly<Record<string, readonly C[]>>,
  always: readonly C[],
): C[] | undefined {
  if (!fields) return undefined;
  const columns = new Set<C>(always);
  for (const field of fields) {
    if (field === '__typename') continue;
    const needed = Object.hasOwn(columnsOf, field) ? columnsOf[field] : undefined;
    if (!needed) return undefined;
    for (const column of needed) columns.add(column);
  }
  return [...columns];
}
