import { GraphQLError } from 'graphql';

export type ErrorCode = 'BAD_USER_INPUT' | 'NOT_FOUND' | 'CONFLICT' | 'UNAUTHENTICATED' | 'FORBIDDEN';

export interface FieldProblem {
  field: string;
  message: string;
}

/**
 * An error the user caused and can fix. It reaches the client as it is (message, code, field);
 * any other error is masked by the GraphQL error formatter.
 */
export class UserError extends GraphQLError {
  constructor(code: ErrorCode, message: string, field?: string, problems?: FieldProblem[]) {
    super(message, { extensions: { code, ...(field ? { field } : {}), ...(problems ? { problems } : {}) } });
  }
}

export const notFound = (what: string, field: string, value: unknown) =>
  new UserError('NOT_FOUND', `${field}: no ${what} "${String(value)}"`, field);

export const conflict = (field: string, message: string) => new UserError('CONFLICT', `${field}: ${message}`, field);

export const badInput = (field: string, message: string) => new UserError('BAD_USER_INPUT', `${field}: ${message}`, field);
