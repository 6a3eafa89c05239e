import { Field, ID, ObjectType, registerEnumType } from '@nestjs/graphql';
import { GraphQLDateTime } from 'graphql-scalars';
import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { InstantColumn } from '../database/columns';

export enum OrganiserRole {
  /** Everything, including organisers and their tokens. */
  ADMIN = 'ADMIN',
  /** The conferences in their scope, with everything in them. */
  ORGANISER = 'ORGANISER',
}
registerEnumType(OrganiserRole, { name: 'OrganiserRole' });

@ObjectType({ description: 'Someone who keeps programmes.' })
@Entity('organisers')
export class Organiser {
  @Field(() => ID)
  @PrimaryGeneratedColumn()
  id: number;

  @Field()
  @Column({ type: 'varchar', length: 200 })
  name: string;

  @Field(() => OrganiserRole)
  @Column({ type: 'varchar', length: 16 })
  role: OrganiserRole;

  @Field(() => GraphQLDateTime)
  @InstantColumn()
  createdAt: Date;

  @Field(() => GraphQLDateTime)
  @InstantColumn()
  updatedAt: Date;
}
