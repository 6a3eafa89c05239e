import { Query, Resolver } from '@nestjs/graphql';
import { CurrentViewer } from './current-viewer.decorator';
import { Viewer } from './viewer';
import { ViewerObject, viewerObject } from './viewer.object';

@Resolver(() => ViewerObject)
export class ViewerResolver {
  @Query(() => ViewerObject, {
    description: 'Who is asking; a signed-in speaker reaches their own profile, invitations and questionnaires here.',
  })
  viewer(@CurrentViewer() viewer: Viewer): ViewerObject {
    return viewerObject(viewer);
  }
}
