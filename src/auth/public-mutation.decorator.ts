import { applyDecorators, SetMetadata } from '@nestjs/common';
import { Mutation, MutationOptions, ReturnTypeFunc } from '@nestjs/graphql';

/** Marks a mutation as open to everyone on purpose, so a check over all mutations can tell it from an organiser's. */
export const PUBLIC_MUTATION = 'lectern:public-mutation';

/**
 * A mutation anyone may call, without a token: it may only touch what its caller already holds
 * (such as their own agenda, opened by its secret). Everything else uses `OrganiserMutation`.
 */
export function PublicMutation(returns: ReturnTypeFunc, options?: MutationOptions) {
  return applyDecorators(Mutation(returns, options), SetMetadata(PUBLIC_MUTATION, true));
}
