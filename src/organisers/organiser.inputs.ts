import { Field, ID, InputType } from '@nestjs/graphql';
import { GraphQLDateTime } from 'graphql-scalars';
import { OrganiserRole } from '../auth/organiser.entity';
import { IdInput } from '../common/mutation-input';

@InputType({ description: 'A new organiser.' })
export class CreateOrganiserInput {
  @Field({ description: 'Their name.' })
  name: string;

  @Field(() => OrganiserRole, { nullable: true, description: 'Default ORGANISER.' })
  role?: OrganiserRole;

  @Field(() => String, {
    nullable: true,
    description: 'Where console sign-in links are sent (private: the organiser and admins see it). No two organisers share one.',
  })
  email?: string | null;

  @Field(() => [ID], { nullable: true, description: 'The conferences an ORGANISER may change.' })
  conferenceIds?: string[];
}

@InputType({ description: 'The organiser to change, and the changes: a list of conferences given here replaces the scope whole.' })
export class UpdateOrganiserInput {
  @Field(() => ID, { nullable: true, description: "The organiser's id; required (optional only while the argument `id` is accepted)." })
  id?: string | null;

  @Field({ nullable: true, description: 'Their name.' }) name?: string;
  @Field(() => OrganiserRole, { nullable: true, description: 'ADMIN or ORGANISER.' }) role?: OrganiserRole;
  @Field(() => String, { nullable: true, description: 'Where console sign-in links are sent; null removes it.' })
  email?: string | null;
  @Field(() => [ID], { nullable: true, description: 'The conferences an ORGANISER may change.' }) conferenceIds?: string[];
}

@InputType({ description: 'A new personal access token.' })
export class CreateAccessTokenInput {
  @Field({ description: 'What the token is for, e.g. "laptop".' })
  name: string;

  @Field(() => GraphQLDateTime, { nullable: true, description: 'When it stops working; never, if empty.' })
  expiresAt?: Date | null;

  @Field(() => ID, { nullable: true, description: 'Whose token (admins only); your own if empty.' })
  organiserId?: string | null;
}

@InputType({ description: 'The organiser to remove, with their tokens.' })
export class DeleteOrganiserInput extends IdInput("The organiser's id.") {}

@InputType({ description: 'The token to revoke.' })
export class RevokeAccessTokenInput extends IdInput("The token's id (`accessTokens { id }`).") {}
