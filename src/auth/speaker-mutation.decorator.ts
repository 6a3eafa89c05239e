import { applyDecorators, CanActivate, ExecutionContext, Injectable, SetMetadata, UseGuards } from '@nestjs/common';
import { GqlExecutionContext, Mutation, MutationOptions, ReturnTypeFunc } from '@nestjs/graphql';
import { RequestContext } from './request-context';
import { requireSpeaker } from './viewer';

/** Marks a mutation as a signed-in speaker's, so a check over all mutations can tell it from an organiser's. */
export const SPEAKER_MUTATION = 'lectern:speaker-mutation';

/** The gate in front of every speaker mutation: a speaker session; what it may touch, the service decides. */
@Injectable()
export class SpeakerGuard implements CanActivate {
  canActivate(context: ExecutionContext): boolean {
    requireSpeaker(GqlExecutionContext.create(context).getContext<RequestContext>().viewer);
    return true;
  }
}

/**
 * A mutation a signed-in speaker makes on their own things (their profile, answers, invitations).
 * Organisers' tokens do not pass it: an organiser changes a speaker through the organiser mutations.
 */
export function SpeakerMutation(returns: ReturnTypeFunc, options?: MutationOptions) {
  return applyDecorators(Mutation(returns, options), SetMetadata(SPEAKER_MUTATION, true), UseGuards(SpeakerGuard));
}
