import { ArgumentsHost, Catch } from '@nestjs/common';
import { GqlContextType, GqlExceptionFilter } from '@nestjs/graphql';
import { UserError } from './errors';
import { toGraphqlError } from './graphql-errors';

/**
 * A user's mistake is an answer, not a server fault: pass it on without logging a stack trace.
 * A resolver's is told in GraphQL's words here already, because Mercurius sends a subscription's
 * refusal without the error formatter. HTTP controllers answer with a filter of their own
 * (`http-errors.ts`).
 */
@Catch(UserError)
export class UserErrorFilter implements GqlExceptionFilter {
  catch(error: UserError, host: ArgumentsHost): never {
    throw host.getType<GqlContextType>() === 'graphql' ? toGraphqlError(error) : error;
  }
}
