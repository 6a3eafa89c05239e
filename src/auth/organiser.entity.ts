import { asGlobalId } from '../common/global-id';
import { Node } from '../common/node';
import { Field, ID, ObjectType, registerEnumType } from '@nestjs/graphql';
import { GraphQLDateTime } from 'graphql-scalars';
import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { InstantColumn } from '../database/columns';

export enum OrganiserRole {
  /** Everything, including organisers and their tokens. */
  ADMIN = 'ADMIN',
  /** The conferences in their scope, with everything in them. */
  ORGANISER = 'ORGANISER',
}
registerEnumType(OrganiserRole, {
  name: 'OrganiserRole',
  description: 'What an organiser may do.',
  valuesMap: {
    ADMIN: { description: 'Everything: every conference, organisers and their tokens.' },
    ORGANISER: { description: 'The conferences in their scope.' },
  },
});

@ObjectType({ description: 'Someone who keeps programmes.', implements: () => [Node] })
@Entity('organisers')
export class Organiser {
  @Field(() => ID, { description: "The organiser's id.", middleware: [asGlobalId] })
  @PrimaryGeneratedColumn()
  id: number;

  @Field({ description: 'Their name, e.g. "Anna Lindqvist".' })
  @Column({ type: 'varchar', length: 200 })
  name: string;

  /**
   * Where console sign-in links are sent; private (its GraphQL field is resolved in
   * src/organisers/, shown to the organiser themselves and to admins). Unique, compared without
   * letter case by the service; several organisers may have none.
   */
  @Index('UQ_organisers_email', { unique: true })
  @Column({ type: 'varchar', length: 320, nullable: true })
  email: string | null;

  @Field(() => OrganiserRole, { description: 'ADMIN or ORGANISER.' })
  @Column({ type: 'varchar', length: 16 })
  role: OrganiserRole;

  @Field(() => GraphQLDateTime, { description: 'When they were added (UTC).' })
  @InstantColumn()
  createdAt: Date;

  @Field(() => GraphQLDateTime, { description: 'When they last changed (UTC).' })
  @InstantColumn()
  updatedAt: Date;
}
