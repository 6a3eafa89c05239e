import {
  DocumentNode,
  GraphQLError,
  GraphQLSchema,
  NoSchemaIntrospectionCustomRule,
  OperationDefinitionNode,
  getOperationAST,
  parse,
  specifiedRules,
  validate,
  ValidationRule,
} from 'graphql';
import mercurius, { MercuriusContext, preExecutionHookHandler, preValidationHookHandler } from 'mercurius';
import { MAX_QUERY_TOKENS, refuseCostlyQueries, refuseDeepQueries, refuseNulCharacters, refuseUnparsedDocuments } from './query-limits';

/**
 * Everything a GraphQL document goes through before it runs, whatever carries it: the token limit
 * while it is parsed, validation with the schema and these rules, then the hooks (depth before
 * validation, the NUL character and the cost with the variables after it). Mercurius applies them
 * to HTTP requests (src/app.module.ts hands them over); for the documents it does not check,
 * subscriptions over WebSocket, `checkDocument` applies the same, in the same order.
 */
export interface QueryRules {
  parseOptions: { maxTokens: number };
  validationRules: ValidationRule[];
  preValidation: preValidationHookHandler[];
  preExecution: preExecutionHookHandler[];
}

export function queryRules(config: { graphqlMaxDepth: number; graphqlMaxCost: number; introspection: boolean }): QueryRules {
  return {
    parseOptions: { maxTokens: MAX_QUERY_TOKENS },
    validationRules: config.introspection ? [] : [NoSchemaIntrospectionCustomRule],
    preValidation: [refuseUnparsedDocuments, refuseDeepQueries(config.graphqlMaxDepth)],
    preExecution: [refuseNulCharacters, refuseCostlyQueries(config.graphqlMaxCost)],
  };
}

/** The rules as Mercurius's options, which it applies to requests over HTTP. */
export function mercuriusQueryOptions(rules: QueryRules) {
  return {
    graphql: { parseOptions: rules.parseOptions },
    hooks: { preValidation: rules.preValidation, preExecution: rules.preExecution },
    validationRules: rules.validationRules,
  };
}

/** A GraphQL request as a client sends it, before anything is known of its parts. */
export interface GraphqlRequest {
  query: unknown;
  variables?: unknown;
  operationName?: unknown;
}

/**
 * Checks a request as Mercurius checks one over HTTP, and answers the operation it would run.
 * Throws what HTTP would answer: Mercurius's validation error (a syntax error, the token limit, a
 * document the schema does not allow) or the hooks' refusals, each a 400 with the errors inside.
 */
export async function checkDocument(rules: QueryRules, schema: GraphQLSchema, request: GraphqlRequest): Promise<OperationDefinitionNode> {
  const { query, variables, operationName } = request;
  if (typeof query !== 'string') throw badInput('The query is not GraphQL text.');
  if (variables != null && (typeof variables !== 'object' || Array.isArray(variables))) throw badInput('The variables must be an object.');
  if (operationName != null && typeof operationName !== 'string') throw badInput('The operationName must be a string.');

  let document: DocumentNode;
  try {
    document = parse(query, rules.parseOptions);
  } catch (error) {
    throw invalid([error as GraphQLError]);
  }
  // The hooks read nothing of the context; Mercurius's own is not at hand outside a request.
  const context = {} as MercuriusContext;
  for (const hook of rules.preValidation) await hook(schema, document, context);
  const errors = validate(schema, document, [...specifiedRules, ...rules.validationRules]);
  if (errors.length > 0) throw invalid(errors);
  const operation = getOperationAST(document, (operationName as string | null | undefined) ?? undefined);
  if (!operation) {
    throw badInput(
      operationName ? `The document has no operation named "${operationName}".` : 'Name the operation to run (operationName).',
    );
  }
  for (const hook of rules.preExecution) await hook(schema, document, context, (variables ?? {}) as Record<string, unknown>);
  return operation;
}

export function badInput(message: string): Error {
  return new mercurius.ErrorWithProps(message, { code: 'BAD_USER_INPUT' }, 400);
}

/** Mercurius's own validation error, with the errors found: formatted as on HTTP, one error each. */
function invalid(errors: readonly GraphQLError[]): Error {
  return Object.assign(new mercurius.ErrorWithProps('Graphql validation error', {}, 400), { errors });
}
