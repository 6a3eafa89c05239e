import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { GqlExecutionContext } from '@nestjs/graphql';
import { UserError } from '../common/errors';
import { RequestContext } from './request-context';

/** The gate in front of every organiser mutation; what each one may touch, its service decides. */
@Injectable()
export class OrganiserGuard implements CanActivate {
  canActivate(context: ExecutionContext): boolean {
    const request = GqlExecutionContext.create(context).getContext<RequestContext>();
    if (request.viewer.organiser) return true;
    throw new UserError('UNAUTHENTICATED', 'This needs an organiser token: send "Authorization: Bearer <token>".');
  }
}
