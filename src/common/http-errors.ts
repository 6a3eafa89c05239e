import { ArgumentsHost, Catch, ExceptionFilter } from '@nestjs/common';
import { FastifyReply } from 'fastify';
import { ErrorCode, UserError } from './errors';

/** The HTTP status of each user error: the one table every HTTP answer to one is read from. */
export const HTTP_STATUS: Readonly<Record<ErrorCode, number>> = {
  BAD_USER_INPUT: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
};

/** The code of a 4xx status, for an HTTP error that must be told as a user error; 400 when none is closer. */
export function codeOfStatus(status: number): ErrorCode {
  const code = (Object.keys(HTTP_STATUS) as ErrorCode[]).find((candidate) => HTTP_STATUS[candidate] === status);
  return code ?? 'BAD_USER_INPUT';
}

/** An error answer is about this request only: no cache may keep it for the next one. */
function errorReply(error: UserError, host: ArgumentsHost): FastifyReply {
  return host.switchToHttp().getResponse<FastifyReply>().code(HTTP_STATUS[error.code]).header('cache-control', 'no-store');
}

/** Short plain text, for people reading a URL: feeds and embeds. */
@Catch(UserError)
export class PlainTextUserErrorFilter implements ExceptionFilter {
  catch(error: UserError, host: ArgumentsHost): void {
    errorReply(error, host).header('content-type', 'text/plain; charset=utf-8').send(`${error.message}\n`);
  }
}

/** `{"error": {code, message, field}}`, for programs reading a JSON API. */
@Catch(UserError)
export class JsonUserErrorFilter implements ExceptionFilter {
  catch(error: UserError, host: ArgumentsHost): void {
    const { code, message, field } = error;
    errorReply(error, host)
      .header('content-type', 'application/json; charset=utf-8')
      .send(JSON.stringify({ error: { code, message, field } }));
  }
}
