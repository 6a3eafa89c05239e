import {
  DocumentNode,
  FragmentDefinitionNode,
  getNullableType,
  GraphQLError,
  isListType,
  Kind,
  SelectionSetNode,
  Source,
  visit,
} from 'graphql';
import { ComplexityEstimator, ComplexityEstimatorArgs, fieldExtensionsEstimator, getComplexity } from 'graphql-query-complexity';
import mercurius, { preExecutionHookHandler, preValidationHookHandler } from 'mercurius';
import { DEFAULT_PAGE_SIZE } from './connection';
import { UserError } from './errors';
import { Validation } from './validation';

/**
 * Limits on what one GraphQL request may ask for, checked before any resolver runs, so that a
 * single request cannot make the server do unbounded work or reach the database with what it
 * cannot take.
 */

/**
 * Longer documents are refused while they are parsed. Legitimate queries are a few hundred tokens
 * at most (GraphiQL's introspection query is under 200; inputs belong in variables, which do not
 * count here, though the values of their lists count towards the cost). The cap keeps graphql-js's
 * parser, which recurses once a level of nesting, far from the end of the stack, and its
 * validation, which compares fields pairwise, far from its slow cases.
 */
export const MAX_QUERY_TOKENS = 2_000;

/**
 * The most values one list in a request may hold: a filter's days, slugs or formats, a mutation's
 * ids, windows or items. Counted as given, before duplicates are folded. GraphQL refuses a longer
 * list before any resolver runs (`refuseCostlyQueries`); the feeds' query parameters and the
 * session filter check it again for the callers that do not come through GraphQL.
 */
export const MAX_LIST_VALUES = 100;

/**
 * Adds the problem to `v` when `list` holds more than MAX_LIST_VALUES values (`filter.day: at
 * most 100 values`). Answers whether it fits, so that a list too long is not checked value by value.
 */
export function withinListLimit(v: Validation, list: readonly unknown[] | null | undefined, field: string): boolean {
  const fits = list == null || list.length <= MAX_LIST_VALUES;
  v.check(fits, field, `at most ${MAX_LIST_VALUES} values`);
  return fits;
}

/**
 * Introspection is answered from the schema in memory and graphql-js bounds it already (its
 * MaxIntrospectionDepthRule refuses `types { fields { type { fields … } } }`), so the limits
 * below count `__schema` and `__type` as one field, whatever is asked inside. The standard
 * introspection query that GraphiQL and code generators send is 15 levels deep.
 */
const INTROSPECTION_FIELDS = new Set(['__schema', '__type']);

/** What an unpaged list (a session's appearances, a conference's rooms) is assumed to hold. */
const UNPAGED_LIST_SIZE = 10;

/**
 * Refuses a document that was not parsed from GraphQL text (a Mercurius `preValidation` hook).
 * Mercurius takes a query that does not parse for a syntax tree in JSON and validates that
 * instead; a tree built by hand skips the parser and its token limit, and can break graphql-js
 * in ways no query text can (`{"query": "5"}` made a TypeError of it).
 */
export const refuseUnparsedDocuments: preValidationHookHandler = (_schema, document) => {
  if (!(document.loc?.source instanceof Source)) throw refusal('The query is not GraphQL text.', { code: 'BAD_USER_INPUT' });
};

/** Refuses a query that nests fields deeper than `limit` (a Mercurius `preValidation` hook). */
export function refuseDeepQueries(limit: number): preValidationHookHandler {
  return (_schema, document) => {
    const depth = queryDepth(document);
    if (depth > limit) {
      throw refusal(`The query is ${depth} levels deep; the limit is ${limit}.`, { code: 'QUERY_TOO_DEEP', depth, limit });
    }
  };
}

/**
 * Refuses a query that would cost more than `limit` (a Mercurius `preExecution` hook: it needs
 * the variables, since `first: $n` decides what a page costs).
 *
 * A field costs 1 plus what is selected inside it; a list multiplies what is selected inside it
 * by the number of items it may hold: `first` or `last` (default 20) for a page, 10 for other lists. A
 * field that declares its own `complexity` (`@Field({ complexity })`) is counted its way.
 * A document with several operations is counted as all of them.
 *
 * Lists in arguments count too, written in the query or given in variables: each value costs 1
 * at each field that takes it (a variable of 100 days given to 100 aliases costs 10,000, since
 * each alias applies it), and a list of more than MAX_LIST_VALUES values is refused with
 * BAD_USER_INPUT naming it (`filter.day: at most 100 values`), before any resolver runs.
 */
export function refuseCostlyQueries(limit: number): preExecutionHookHandler {
  return (schema, document, _context, variables) => {
    let cost: number;
    try {
      cost = rememberedCost(document, variables, () => getComplexity({ schema, query: document, variables, estimators: ESTIMATORS }));
    } catch (error) {
      if (error instanceof UserError) {
        const { code, field, problems } = error;
        throw refusal(error.message, { code, field, problems });
      }
      // Variables that do not fit the operation, or a document whose fragments expand past 10,000
      // fields: both are the client's to fix.
      if (error instanceof GraphQLError) throw refusal(error.message, { code: 'BAD_USER_INPUT' });
      throw error;
    }
    if (cost > limit) {
      throw refusal(`The query costs ${cost}; the limit is ${limit}. Ask for smaller pages (first) or fewer nested lists.`, {
        code: 'QUERY_TOO_COSTLY',
        cost,
        limit,
      });
    }
  };
}

/**
 * Refuses a request with U+0000 in any string, in the query or its variables (a Mercurius
 * `preExecution` hook). No text here has a use for it, and PostgreSQL refuses it in a parameter
 * with an error the client would only see as "Internal server error".
 */
export const refuseNulCharacters: preExecutionHookHandler = (_schema, document, _context, variables) => {
  if (queryHoldsNul(document) || holdsNul(variables))
    throw refusal('Text may not contain the NUL character (U+0000).', { code: 'BAD_USER_INPUT' });
};

/**
 * Mercurius keeps the documents of the queries it has seen, and the same few queries come again
 * and again: what the limits find in a document (and its cost for the same variables) is kept
 * with it, instead of walking it for every request.
 */
/** The variables as text, or undefined when they nest too deep for JSON.stringify (a body of 1 MiB can): then not kept. */
function variablesKey(variables: Record<string, unknown> | undefined): string | undefined {
  try {
    return variables === undefined ? '' : JSON.stringify(variables);
  } catch {
    return undefined;
  }
}

const nulInQuery = new WeakMap<DocumentNode, boolean>();
const costs = new WeakMap<DocumentNode, Map<string, number>>();
/** The variable sets whose cost is kept per document (a page asked at a few sizes, say). */
const COSTS_KEPT_PER_DOCUMENT = 16;

function queryHoldsNul(document: DocumentNode): boolean {
  let inQuery = nulInQuery.get(document);
  if (inQuery === undefined) {
    inQuery = false;
    visit(document, {
      StringValue(node) {
        inQuery ||= node.value.includes('\0');
      },
    });
    nulInQuery.set(document, inQuery);
  }
  return inQuery;
}

function rememberedCost(document: DocumentNode, variables: Record<string, unknown> | undefined, count: () => number): number {
  const key = variablesKey(variables);
  if (key === undefined) return count();
  let known = costs.get(document);
  const kept = known?.get(key);
  if (kept !== undefined) return kept;
  const cost = count();
  if (!known) costs.set(document, (known = new Map()));
  if (known.size >= COSTS_KEPT_PER_DOCUMENT) known.delete(known.keys().next().value!);
  known.set(key, cost);
  return cost;
}

/** Walks without recursion: variables may nest as deep as a body of 1 MiB allows. */
function holdsNul(variables: unknown): boolean {
  const pending = [variables];
  while (pending.length > 0) {
    const value = pending.pop();
    if (typeof value === 'string' && value.includes('\0')) return true;
    if (value !== null && typeof value === 'object') for (const inner of Object.values(value)) pending.push(inner);
  }
  return false;
}

const estimatePagedCost = ({ type, field, args, childComplexity }: ComplexityEstimatorArgs): number => {
  if (INTROSPECTION_FIELDS.has(field.name)) return 1;
  if (field.args.some((arg) => arg.name === 'first')) {
    const asked = typeof args.first === 'number' ? args.first : typeof args.last === 'number' ? args.last : DEFAULT_PAGE_SIZE;
    const pageSize = Math.max(asked, 0);
    return 1 + pageSize * childComplexity;
  }
  // A connection's edges are the page its field has already counted.
  const isPage = 'getFields' in type && 'pageInfo' in type.getFields();
  const isList = isListType(getNullableType(field.type));
  return 1 + (isList && !isPage ? UNPAGED_LIST_SIZE : 1) * childComplexity;
};

const estimateOwnCost = fieldExtensionsEstimator();

/** What the field itself asks for, plus every value of the lists it is given. */
const estimateCost: ComplexityEstimator = (options) => {
  const own = estimateOwnCost(options);
  return (typeof own === 'number' ? own : estimatePagedCost(options)) + listValues(options.args);
};

const ESTIMATORS = [estimateCost];

/**
 * How many values the lists in a field's arguments hold, at any depth (`input.items[2].answer`
 * is a list too). Throws a UserError naming the first list that holds more than MAX_LIST_VALUES.
 * Walks without recursion, as `holdsNul` does.
 */
function listValues(args: Record<string, unknown>): number {
  let values = 0;
  const pending: [object, string][] = [[args, '']];
  for (let next = 0; next < pending.length; next++) {
    const [value, path] = pending[next];
    const isList = Array.isArray(value);
    if (isList) {
      const v = new Validation();
      if (!withinListLimit(v, value, path)) v.throwIfFailed();
      values += value.length;
    }
    for (const [key, inner] of Object.entries(value)) {
      if (isComposite(inner)) pending.push([inner, isList ? `${path}[${key}]` : path ? `${path}.${key}` : key]);
    }
  }
  return values;
}

/** A list or an input object as graphql-js coerces them; a scalar's value (a Date) is neither. */
function isComposite(value: unknown): value is object {
  if (value === null || typeof value !== 'object') return false;
  const prototype = Object.getPrototypeOf(value);
  return Array.isArray(value) || prototype === Object.prototype || prototype === null;
}

/**
 * The deepest nesting of fields in any operation; fragments count as the fields they hold. It
 * recurses once a level: MAX_QUERY_TOKENS keeps documents far shallower than the stack.
 */
function queryDepth(document: DocumentNode): number {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const definition of document.definitions) {
    if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
  }
  // Each fragment's depth once: spreading one fragment many times must not multiply the work.
  // A fragment that spreads itself is invalid (validation says so); meanwhile it counts as 0.
  const fragmentDepths = new Map<string, number>();
  const depthOf = (selectionSet: SelectionSetNode): number => {
    let deepest = 0;
    for (const selection of selectionSet.selections) {
      if (selection.kind === Kind.FIELD) {
        const inner = selection.selectionSet && !INTROSPECTION_FIELDS.has(selection.name.value) ? depthOf(selection.selectionSet) : 0;
        deepest = Math.max(deepest, 1 + inner);
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        deepest = Math.max(deepest, depthOf(selection.selectionSet));
      } else {
        const name = selection.name.value;
        if (!fragmentDepths.has(name)) {
          fragmentDepths.set(name, 0);
          const fragment = fragments.get(name);
          if (fragment) fragmentDepths.set(name, depthOf(fragment.selectionSet));
        }
        deepest = Math.max(deepest, fragmentDepths.get(name)!);
      }
    }
    return deepest;
  };
  let deepest = 0;
  for (const definition of document.definitions) {
    if (definition.kind === Kind.OPERATION_DEFINITION) deepest = Math.max(deepest, depthOf(definition.selectionSet));
  }
  return deepest;
}

/** A 400 answer with a GraphQL error the client can act on. */
function refusal(message: string, extensions: Record<string, unknown>): Error {
  return new mercurius.ErrorWithProps(message, extensions, 400);
}
