import { HttpException, Logger } from '@nestjs/common';
import { GraphQLError } from 'graphql';
import mercurius from 'mercurius';

const logger = new Logger('GraphQL');

type Execution = Parameters<typeof mercurius.defaultErrorFormatter>[0];
type FormatterContext = Parameters<typeof mercurius.defaultErrorFormatter>[1];

/**
 * Lets through what the client can act on (our UserErrors, GraphQL's own parse and validation
 * errors, the HTTP layer's request errors) and masks everything else: no SQL, stack or path leaves
 * the server; the log keeps the detail.
 */
export function formatGraphqlErrors(execution: Execution, context: FormatterContext) {
  const errors = execution.errors.map((error) => {
    const original = error.originalError as (Error & { statusCode?: unknown }) | undefined;
    if (!original || original instanceof GraphQLError) return error;
    // Fastify's and Mercurius's request errors (broken JSON, wrong content type, oversized body, GET
    // mutation, failed validation), the query limits and the rate limit carry a 4xx status. Any
    // other error, even one that holds a list of errors (an AggregateError from a database
    // connection, say), is masked.
    if (typeof original.statusCode === 'number' && original.statusCode >= 400 && original.statusCode < 500) return error;
    if (original instanceof HttpException && original.getStatus() < 500) {
      return new GraphQLError(original.message, { path: error.path, extensions: { code: httpCode(original.getStatus()) } });
    }
    logger.error(`${error.path?.join('.') ?? 'request'}: ${original.stack ?? original.message}`);
    return new GraphQLError('Internal server error', { path: error.path, extensions: { code: 'INTERNAL_SERVER_ERROR' } });
  });
  return mercurius.defaultErrorFormatter({ ...execution, errors } as Execution, context);
}

function httpCode(status: number): string {
  if (status === 401) return 'UNAUTHENTICATED';
  if (status === 403) return 'FORBIDDEN';
  if (status === 404) return 'NOT_FOUND';
  if (status === 409) return 'CONFLICT';
  return 'BAD_USER_INPUT';
}
