import { asGlobalId } from '../common/global-id';
import { Node } from '../common/node';
import { Field, ID, ObjectType } from '@nestjs/graphql';
import { GraphQLDateTime } from 'graphql-scalars';
import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { InstantColumn } from '../database/columns';
import { Organiser } from './organiser.entity';

/** A personal access token. The secret itself is shown once and never stored: only its hash. */
@ObjectType({ description: 'A personal access token (the secret is shown only when it is created).', implements: () => [Node] })
@Entity('access_tokens')
export class AccessToken {
  @Field(() => ID, { description: "The token's id, to revoke it.", middleware: [asGlobalId] })
  @PrimaryGeneratedColumn()
  id: number;

  @Index('IDX_access_tokens_organiser')
  @Column({ type: 'integer' })
  organiserId: number;

  @ManyToOne(() => Organiser, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'organiserId', foreignKeyConstraintName: 'FK_access_tokens_organiser' })
  organiser?: Organiser;

  @Field({ description: 'What the token is for, e.g. "laptop" or "import script".' })
  @Column({ type: 'varchar', length: 200 })
  name: string;

  @Field({ description: 'The first characters of the secret, to recognise it.' })
  @Column({ type: 'varchar', length: 16 })
  prefix: string;

  /** SHA-256 of the secret, hex. */
  @Index('UQ_access_tokens_hash', { unique: true })
  @Column({ type: 'varchar', length: 64 })
  hash: string;

  @Field(() => GraphQLDateTime, { description: 'When it was created (UTC).' })
  @InstantColumn()
  createdAt: Date;

  @Field(() => GraphQLDateTime, { nullable: true, description: 'When it stops working; never, if empty.' })
  @InstantColumn({ nullable: true })
  expiresAt: Date | null;

  @Field(() => GraphQLDateTime, { nullable: true, description: 'When it was last used (to the minute); empty if never.' })
  @InstantColumn({ nullable: true })
  lastUsedAt: Date | null;

  @Field(() => GraphQLDateTime, { nullable: true, description: 'When it was revoked; empty while it works.' })
  @InstantColumn({ nullable: true })
  revokedAt: Date | null;
}
