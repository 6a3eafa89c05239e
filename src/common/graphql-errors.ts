import { HttpException, Logger } from '@nestjs/common';
import { DocumentNode, GraphQLError, Kind, parse, ValueNode, visit, BREAK } from 'graphql';
import mercurius from 'mercurius';
import { statusOfRefusedDocument } from '../http/graphql-over-http';
import { UserError } from './errors';
import { codeOfStatus, HTTP_STATUS } from './http-errors';

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
  const errors = execution.errors.map((given) => {
    const error = withDateTimeErrorsTold(given, context);
    const original = error.originalError;
    if (!original || original instanceof GraphQLError) return error;
    if (original instanceof UserError) return toGraphqlError(original, error);
    // Fastify's and Mercurius's request errors (broken JSON, wrong content type, oversized body, GET
    // mutation, failed validation), the query limits and the rate limit carry a 4xx status. Any
    // other error, even one that holds a list of errors (an AggregateError from a database
    // connection, say), is masked.
    // Automatic persisted queries' refusals, with the codes clients (Apollo's) look for besides the message.
    const persisted = (original as { code?: unknown }).code === `MER_ERR_GQL_${PERSISTED_QUERY_CODES[original.message]}`;
    if (persisted) return new GraphQLError(original.message, { extensions: { code: PERSISTED_QUERY_CODES[original.message] } });
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
  const statusCode = requestStatus ?? formatted.statusCode;
  // Executed (`data` is there, null when a non-null field failed): as Mercurius has it.
  if (execution.data !== undefined) return { ...formatted, statusCode };
  // Nothing was executed: the GraphQL specification ("Response Format") has no `data` entry then,
  // and GraphQL over HTTP has the status of a refused document follow Accept.
  const response = { errors: formatted.response.errors };
  const request = context.reply?.request;
  if (execution.errors.every(isRefusedDocument)) {
    return { statusCode: statusOfRefusedDocument(request, statusCode === 200 ? 400 : statusCode), response };
  }
  // Refused before execution for another reason: never a 200 without `data`.
  const original = execution.errors.length === 1 ? execution.errors[0].originalError : undefined;
  const refusal = original instanceof UserError ? HTTP_STATUS[original.code] : 500;
  return { statusCode: statusCode === 200 ? refusal : statusCode, response };
}

/**
 * Whether GraphQL refused the request's document before executing it, rather than the HTTP layer
 * the request: a parse or validation error, variables that could not be coerced (each inside
 * Mercurius's validation error), an operation that could not be picked (graphql-js's own error,
 * with no path), or one of Lectern's query limits (src/common/query-limits.ts), which are
 * validation rules of Lectern's own.
 */
function isRefusedDocument(error: GraphQLError): boolean {
  const original = error.originalError as (Error & { code?: unknown; statusCode?: unknown; errors?: unknown }) | undefined;
  if (original === undefined) return error.path === undefined;
  if (original instanceof mercurius.ErrorWithProps) return original.statusCode === 400;
  if (original.code !== 'MER_ERR_GQL_VALIDATION') return original instanceof GraphQLError && error.path === undefined;
  return Array.isArray(original.errors) && original.errors.length > 0 && original.errors.every((inner) => inner instanceof GraphQLError);
}

/** Mercurius's messages for a hash it does not know or cannot read, and the codes of the same in Apollo's protocol. */
const PERSISTED_QUERY_CODES: Readonly<Record<string, string>> = {
  PersistedQueryNotFound: 'PERSISTED_QUERY_NOT_FOUND',
  PersistedQueryNotSupported: 'PERSISTED_QUERY_NOT_SUPPORTED',
};

function requestErrorStatus(error: GraphQLError): number | undefined {
  const status = (error.originalError as { statusCode?: unknown } | undefined)?.statusCode;
  return typeof status === 'number' && status >= 400 && status < 500 ? status : undefined;
}

/**
 * graphql-scalars' DateTime refuses a value while GraphQL reads a query's arguments (validation)
 * or its variables (coercion, by graphql-js or graphql-jit) with "DateTime cannot represent an
 * invalid date-time-string …": no code, no field, and no word of what is wrong. It is told here as
 * the user error it is, naming the input field as services do (`startsAt`, `windows[0].endsAt`:
 * a mutation's `input` argument is not named) and saying that the offset is missing when it is.
 */
const DATE_TIME_REFUSED = /DateTime cannot represent (?:an invalid date-time-string (.*)\.|non string or Date type (.*))$/s;
const VARIABLE_PATH =
  /^Variable "\$([_A-Za-z][_0-9A-Za-z]*)" got invalid value .* at "\1((?:\.[_A-Za-z][_0-9A-Za-z]*|\[\d+\])*)"; DateTime /s;
const VARIABLE_NAME = /^Variable "\$([_A-Za-z][_0-9A-Za-z]*)" got invalid value /;
const WITHOUT_OFFSET = /^\d{4}-\d{2}-\d{2}[Tt ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?$/;

/**
 * The error, with every DateTime refusal in it told as a user error. A refused request reaches
 * the formatter as one error holding the request's errors (`originalError.errors`, made anew for
 * each request): those are told in its place, so the status stays the request error's.
 */
function withDateTimeErrorsTold(error: GraphQLError, context: FormatterContext): GraphQLError {
  const request = error.originalError as { errors?: unknown } | undefined;
  if (request && Array.isArray(request.errors)) {
    request.errors = request.errors.map((inner: unknown) =>
      inner instanceof GraphQLError ? (dateTimeError(inner, context) ?? inner) : inner,
    );
    return error;
  }
  return dateTimeError(error, context) ?? error;
}

function dateTimeError(error: GraphQLError, context: FormatterContext): GraphQLError | undefined {
  const refusal = DATE_TIME_REFUSED.exec(error.originalError instanceof GraphQLError ? error.originalError.message : error.message);
  if (!refusal) return undefined;
  const field = dateTimeField(error, context);
  const problem =
    refusal[1] === undefined
      ? 'must be a date and time as a string, such as "2020-08-19T10:00:00+02:00"'
      : WITHOUT_OFFSET.test(refusal[1])
        ? `${JSON.stringify(refusal[1])} has no offset: add Z or +02:00`
        : `${JSON.stringify(refusal[1])} is not a date and time such as "2020-08-19T10:00:00+02:00"`;
  const told = field
    ? new UserError('BAD_USER_INPUT', `${field}: ${problem}`, field, [{ field, message: problem }])
    : new UserError('BAD_USER_INPUT', problem);
  return toGraphqlError(told, error);
}

/**
 * Where in the input the refused value is: found in the document, from the refused literal's
 * place or from the variable's use plus the path within it that GraphQL's message gives.
 */
function dateTimeField(error: GraphQLError, context: FormatterContext): string | undefined {
  const variable = VARIABLE_NAME.exec(error.message)?.[1];
  const document = documentOf(error, context);
  if (variable === undefined) {
    const start = error.nodes?.[0]?.loc?.start;
    return document && start !== undefined ? fieldOf(document, (value) => value.loc?.start === start) : undefined;
  }
  const within = VARIABLE_PATH.exec(error.message)?.[2] ?? '';
  const use = document && fieldOf(document, (value) => value.kind === Kind.VARIABLE && value.name.value === variable);
  return use === undefined ? `${variable}${within}` : `${use}${within}`.replace(/^\./, '');
}

/** The document the error is about: the one its nodes come from, else the request's own text (graphql-jit's errors have no nodes). */
function documentOf(error: GraphQLError, context: FormatterContext): DocumentNode | undefined {
  const request = context.reply?.request as { body?: { query?: unknown }; query?: { query?: unknown } } | undefined;
  const source = error.source?.body ?? [request?.body?.query, request?.query?.query].find((text) => typeof text === 'string');
  if (typeof source !== 'string') return undefined;
  try {
    return parse(source);
  } catch {
    return undefined;
  }
}

/** The input path of the first argument value that `wanted` picks: "startsAt" in `input: { startsAt: … }`, "windows[0].endsAt" elsewhere. */
function fieldOf(document: DocumentNode, wanted: (value: ValueNode) => boolean): string | undefined {
  let field: string | undefined;
  visit(document, {
    Argument(argument) {
      const inner = pathWithin(argument.value, wanted);
      if (inner === undefined) return undefined;
      field = argument.name.value === 'input' ? inner.replace(/^\./, '') : `${argument.name.value}${inner}`;
      return BREAK;
    },
  });
  return field;
}

function pathWithin(value: ValueNode, wanted: (value: ValueNode) => boolean): string | undefined {
  if (wanted(value)) return '';
  if (value.kind === Kind.OBJECT) {
    for (const { name, value: inner } of value.fields) {
      const path = pathWithin(inner, wanted);
      if (path !== undefined) return `.${name.value}${path}`;
    }
  }
  if (value.kind === Kind.LIST) {
    for (const [index, inner] of value.values.entries()) {
      const path = pathWithin(inner, wanted);
      if (path !== undefined) return `[${index}]${path}`;
    }
  }
  return undefined;
}
