export type ErrorCode = 'BAD_USER_INPUT' | 'NOT_FOUND' | 'CONFLICT' | 'UNAUTHENTICATED' | 'FORBIDDEN';

export interface FieldProblem {
  field: string;
  message: string;
}

/**
 * An error the user caused and can fix: a domain fact, the same whichever way the request came.
 * Each transport answers it once, in its own words (`graphql-errors.ts`, `http-errors.ts`); any
 * other error is a server fault, and is masked.
 */
export class UserError extends Error {
  override readonly name = 'UserError';

  constructor(
    readonly code: ErrorCode,
    message: string,
    /** The input field to blame, when there is one: the first of `problems`, if there are several. */
    readonly field?: string,
    /** Every problem with the input, so a form can show them all at once (see `Validation`). */
    readonly problems?: FieldProblem[],
  ) {
    super(message);
  }
}

export const notFound = (what: string, field: string, value: unknown) =>
  new UserError('NOT_FOUND', `${field}: no ${what} "${String(value)}"`, field);

export const conflict = (field: string, message: string) => new UserError('CONFLICT', `${field}: ${message}`, field);

export const badInput = (field: string, message: string) => new UserError('BAD_USER_INPUT', `${field}: ${message}`, field);
