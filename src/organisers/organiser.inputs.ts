import { Field, ID, InputType } from '@nestjs/graphql';
import { GraphQLDateTime } from 'graphql-scalars';
import { OrganiserRole } from '../auth/organiser.entity';

@InputType()
export class CreateOrganiserInput {
  @Field()
  name: string;

  @Field(() => OrganiserRole, { nullable: true, description: 'Default ORGANISER.' })
  role?: OrganiserRole;

  @Field(() => [ID], { nullable: true, description: 'The conferences an ORGANISER may change.' })
  conferenceIds?: string[];
}

@InputType({ description: 'A list of conferences given here replaces the scope whole.' })
export class UpdateOrganiserInput {
  @Field({ nullable: true }) name?: string;
  @Field(() => OrganiserRole, { nullable: true }) role?: OrganiserRole;
  @Field(() => [ID], { nullable: true }) conferenceIds?: string[];
}

@InputType()
export class CreateAccessTokenInput {
  @Field({ description: 'What the token is for, e.g. "laptop".' })
  name: string;

  @Field(() => GraphQLDateTime, { nullable: true, description: 'When it stops working; never, if empty.' })
  expiresAt?: Date | null;

  @Field(() => ID, { nullable: true, description: 'Whose token (admins only); your own if empty.' })
  organiserId?: string | null;
}
