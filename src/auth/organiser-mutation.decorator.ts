import { applyDecorators, UseGuards } from '@nestjs/common';
import { Mutation, MutationOptions, ReturnTypeFunc } from '@nestjs/graphql';
import { OrganiserGuard } from './organiser.guard';

/** Every mutation is declared with this, so none can be added without the organiser guard. */
export function OrganiserMutation(returns: ReturnTypeFunc, options?: MutationOptions) {
  return applyDecorators(Mutation(returns, options), UseGuards(OrganiserGuard));
}
