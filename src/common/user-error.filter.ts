import { Catch } from '@nestjs/common';
import { GqlExceptionFilter } from '@nestjs/graphql';
import { UserError } from './errors';

/** A user's mistake is an answer, not a server fault: pass it on without logging a stack trace. */
@Catch(UserError)
export class UserErrorFilter implements GqlExceptionFilter {
  catch(error: UserError): never {
    throw error;
  }
}
