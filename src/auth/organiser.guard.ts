import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { GqlExecutionContext } from '@nestjs/graphql';
import { UserError } from '../common/errors';
import { RequestContext } from '../common/request-context';
import { AuthService } from './auth.service';

/** The one gate in front of every mutation. */
@Injectable()
export class OrganiserGuard implements CanActivate {
  constructor(private readonly auth: AuthService) {}

  canActivate(context: ExecutionContext): boolean {
    const request = GqlExecutionContext.create(context).getContext<RequestContext>();
    if (request.viewer.organiser) return true;
    if (!this.auth.configured) {
      throw new UserError('UNAUTHENTICATED', 'Organiser access is not configured on this server (set ORGANISER_TOKEN).');
    }
    throw new UserError('UNAUTHENTICATED', 'This needs an organiser token: send "Authorization: Bearer <token>".');
  }
}
