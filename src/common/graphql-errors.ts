import { HttpException, Logger } from '@nestjs/common';
import { GraphQLError } from 'graphql';
import mercurius from 'mercurius';
import { UserError } from './errors';
import { codeOfStatus } from './http-errors';

const logger = new Logger('GraphQL');

type Execution = Parameters<typeof mercurius.defaultErrorFormatter>[0];
type FormatterContext = Parameters<typeof mercurius.defaultErrorFormatter>[1];

/**
 * A user error as GraphQL clients read it: its message, and `extensions` with its code, the field
 * to blame and every problem. `at` is the error GraphQL located it with: its path and locations.
 */
export function toGraphqlError(error: UserError, at?: GraphQLError): GraphQLError {
  const { code, field, problems } = error;
  const extensions = { code, ...(field ? { field } : {}), ...(problems ? { problems } : {}) };
  const told = new GraphQLError(error.message, { path: at?.path, originalError: error, extensions });
  // Copied, not computed: graphql-jit locates an error without the document's nodes.
  return Object.assign(told, { locations: at?.locations });
}

/**
 * Lets through what the client can act on (our UserErrors, GraphQL's own parse and validation
 * errors, the HTTP layer's request errors) and masks everything else: no SQL, stack or path leaves
 * the server; the log keeps the detail.
 */
export function formatGraphqlErrors(execution: Execution, context: FormatterContext) {
  const errors = execution.errors.map((error) => {
    const original = error.originalError;
    if (!original || original instanceof GraphQLError) return error;
    if (original instanceof UserError) return toGraphqlError(original, error);
    // Fastify's and Mercurius's request errors (broken JSON, wrong content type, oversized body, GET
    // mutation, failed validation), the query limits and the rate limit carry a 4xx status. Any
    // other error, even one that holds a list of errors (an AggregateError from a database
    // connection, say), is masked.
    if (requestErrorStatus(error) !== undefined) return error;
    if (original instanceof HttpException && original.getStatus() < 500) {
      return new GraphQLError(original.message, { path: error.path, extensions: { code: codeOfStatus(original.getStatus()) } });
    }
    logger.error(`${error.path?.join('.') ?? 'request'}: ${original.stack ?? original.message}`);
    return new GraphQLError('Internal server error', { path: error.path, extensions: { code: 'INTERNAL_SERVER_ERROR' } });
  });
  const formatted = mercurius.defaultErrorFormatter({ ...execution, errors } as Execution, context);
  // Mercurius answers 200 when one failed request holds several errors (a document that fails
  // validation twice): it is the same request error, with the same status, as with one.
  const requestStatus = execution.errors.length === 1 && !execution.data ? requestErrorStatus(execution.errors[0]) : undefined;
  return { ...formatted, statusCode: requestStatus ?? formatted.statusCode };
}

function requestErrorStatus(error: GraphQLError): number | undefined {
  const status = (error.originalError as { statusCode?: unknown } | undefined)?.statusCode;
  return typeof status === 'number' && status >= 400 && status < 500 ? status : undefined;
}
