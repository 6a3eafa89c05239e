import { GraphQLSchema } from 'graphql';

/** The root types' descriptions: code-first declares no class for them to carry one. */
const ROOT_DESCRIPTIONS = {
  query: 'What anyone may read; drafts, private fields and organisers only with an organiser token.',
  mutation: 'Changes to programmes, agendas and access; all but the agenda mutations need an organiser token.',
  subscription: 'Changes to published programmes as they happen, over WebSocket.',
} as const;

export function describeRootTypes(schema: GraphQLSchema): GraphQLSchema {
  const roots = { query: schema.getQueryType(), mutation: schema.getMutationType(), subscription: schema.getSubscriptionType() };
  for (const [root, type] of Object.entries(roots)) {
    if (type && !type.description) type.description = ROOT_DESCRIPTIONS[root as keyof typeof ROOT_DESCRIPTIONS];
  }
  return schema;
}
