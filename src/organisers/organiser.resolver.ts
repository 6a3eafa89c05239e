import { Args, Field, ID, ObjectType, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { AccessToken } from '../auth/access-token.entity';
import { CurrentViewer } from '../auth/current-viewer.decorator';
import { OrganiserMutation } from '../auth/organiser-mutation.decorator';
import { Organiser } from '../auth/organiser.entity';
import { Viewer } from '../auth/viewer';
import { mutationInput, newInputArg, replacedArg } from '../common/mutation-input';
import { Conference } from '../conferences/conference.entity';
import {
  CreateAccessTokenInput,
  CreateOrganiserInput,
  DeleteOrganiserInput,
  RevokeAccessTokenInput,
  UpdateOrganiserInput,
} from './organiser.inputs';
import { OrganiserService } from './organiser.service';

const ORGANISER_ID = { type: () => ID, description: "The organiser's id." };

@ObjectType({ description: 'A new access token with its secret, shown this once.' })
export class CreatedAccessToken {
  @Field({ description: 'The secret: send it as "Authorization: Bearer <secret>". It is shown this once only.' })
  secret: string;

  @Field(() => AccessToken, { description: 'The token as listed from now on, without its secret.' })
  accessToken: AccessToken;
}

@Resolver(() => Organiser)
export class OrganiserResolver {
  constructor(private readonly organiserService: OrganiserService) {}

  @Query(() => Organiser, { nullable: true, description: 'The organiser the token or console session belongs to; empty for the public.' })
  me(@CurrentViewer() viewer: Viewer) {
    return this.organiserService.me(viewer);
  }

  @Query(() => [Organiser], { description: 'Every organiser (admins only).' })
  organisers(@CurrentViewer() viewer: Viewer) {
    return this.organiserService.list(viewer);
  }

  @ResolveField(() => [Conference], { description: 'The conferences an ORGANISER may change (an ADMIN may change all).' })
  conferences(@Parent() organiser: Organiser) {
    return this.organiserService.conferencesOf(organiser);
  }

  @ResolveField(() => String, {
    nullable: true,
    description: 'Where console sign-in links are sent. Private: only for the organiser themselves and admins; empty for everyone else.',
  })
  email(@Parent() organiser: Organiser, @CurrentViewer() viewer: Viewer) {
    return this.organiserService.emailOf(organiser, viewer);
  }

  @ResolveField(() => [AccessToken], { description: "Your own tokens; anyone's for admins." })
  accessTokens(@Parent() organiser: Organiser, @CurrentViewer() viewer: Viewer) {
    return this.organiserService.tokensOf(organiser, viewer);
  }

  @OrganiserMutation(() => Organiser, { description: 'Adds an organiser (admins only).' })
  createOrganiser(@Args('input', { description: 'The new organiser.' }) input: CreateOrganiserInput, @CurrentViewer() actor: Viewer) {
    return this.organiserService.create(input, actor);
  }

  @OrganiserMutation(() => Organiser, { description: "Changes an organiser's name, role, e-mail or conferences (admins only)." })
  updateOrganiser(
    @Args('input', { description: 'The organiser and what to change.' }) input: UpdateOrganiserInput,
    @Args('id', replacedArg('id', ORGANISER_ID)) id: string | null,
    @CurrentViewer() actor: Viewer,
  ) {
    const { id: organiserId, ...changes } = mutationInput(input, { id }, ['id']);
    return this.organiserService.update(organiserId, changes, actor);
  }

  @OrganiserMutation(() => Organiser, { description: 'Removes an organiser and their tokens (admins only).' })
  deleteOrganiser(
    @Args('input', newInputArg(() => DeleteOrganiserInput, 'The organiser to remove.')) input: DeleteOrganiserInput | null,
    @Args('id', replacedArg('id', ORGANISER_ID)) id: string | null,
    @CurrentViewer() actor: Viewer,
  ) {
    return this.organiserService.remove(mutationInput(input, { id }, ['id']).id, actor);
  }

  @OrganiserMutation(() => CreatedAccessToken, { description: 'Creates a personal access token; the secret is in this answer only.' })
  createAccessToken(@Args('input', { description: 'The new token.' }) input: CreateAccessTokenInput, @CurrentViewer() actor: Viewer) {
    return this.organiserService.issueToken(input, actor).then(({ secret, token }) => ({ secret, accessToken: token }));
  }

  @OrganiserMutation(() => AccessToken, { description: 'Revokes a token at once.' })
  revokeAccessToken(
    @Args('input', newInputArg(() => RevokeAccessTokenInput, 'The token to revoke.')) input: RevokeAccessTokenInput | null,
    @Args('id', replacedArg('id', { type: () => ID, description: "The token's id (`accessTokens { id }`)." })) id: string | null,
    @CurrentViewer() actor: Viewer,
  ) {
    return this.organiserService.revokeToken(mutationInput(input, { id }, ['id']).id, actor);
  }
}
