import { Args, ID, Query, Resolver } from '@nestjs/graphql';
import { CurrentViewer } from '../auth/current-viewer.decorator';
import { Viewer } from '../auth/viewer';
import { Node } from '../common/node';
import { NodeFinder } from './node-finder.service';

/** Relay's `node` and `nodes`: any object again by its global id. */
@Resolver()
export class NodeResolver {
  constructor(private readonly finder: NodeFinder) {}

  @Query(() => Node, {
    nullable: true,
    description: 'The object a global id names; empty if there is none you may see.',
  })
  node(
    @Args('id', { type: () => ID, description: 'A global id, as any `id` field answers it.' }) id: string,
    @CurrentViewer() viewer: Viewer,
  ) {
    return this.finder.find(id, viewer);
  }

  @Query(() => [Node], {
    nullable: 'items',
    description: 'The objects these global ids name, in the same order; empty where `node` would be.',
  })
  nodes(@Args('ids', { type: () => [ID], description: 'Global ids, at most 100.' }) ids: string[], @CurrentViewer() viewer: Viewer) {
    return Promise.all(ids.map((id) => this.finder.find(id, viewer)));
  }
}
