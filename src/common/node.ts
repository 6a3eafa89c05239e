import { Field, ID, InterfaceType } from '@nestjs/graphql';

/** Where an object answered by `node` says its GraphQL type when its class does not. */
export const NODE_TYPE = Symbol('node type');

/**
 * Relay's Node: an object with a global id. Entities are told apart by their class (TypeORM
 * loads them as instances of it); shapes built for GraphQL alone carry NODE_TYPE.
 */
@InterfaceType('Node', {
  description: 'An object with a global id: `node(id)` finds it again, and a client cache can key on the id alone.',
  resolveType: (value: { [NODE_TYPE]?: string; constructor?: { name: string } }) => value[NODE_TYPE] ?? value.constructor?.name,
})
export abstract class Node {
  @Field(() => ID, { description: 'The global id: opaque, it names the type and the object.' })
  id: string;
}
