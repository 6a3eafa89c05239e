import { Field, ObjectType, registerEnumType } from '@nestjs/graphql';
import { Viewer } from './viewer';

export enum ViewerRole {
  PUBLIC = 'PUBLIC',
  SPEAKER = 'SPEAKER',
  ORGANISER = 'ORGANISER',
  ADMIN = 'ADMIN',
}
registerEnumType(ViewerRole, {
  name: 'ViewerRole',
  description: 'Who a request comes from.',
  valuesMap: {
    PUBLIC: { description: 'Anyone: no token, no speaker session.' },
    SPEAKER: { description: 'A speaker signed in on their own page (its session cookie).' },
    ORGANISER: { description: 'An organiser token: their conferences.' },
    ADMIN: { description: 'An admin token: everything.' },
  },
});

/**
 * Who is asking, as GraphQL shows it. A signed-in speaker's own things (their profile,
 * invitations, questionnaires, proposed changes) hang off it, resolved in the modules that own them.
 */
@ObjectType('Viewer', { description: 'Who is asking: the public, a signed-in speaker, an organiser or an admin.' })
export class ViewerObject {
  @Field(() => ViewerRole, { description: 'Who the request comes from.' })
  role: ViewerRole;

  /** The rights themselves, for the fields other modules resolve on it. */
  rights: Viewer;
}

export function viewerObject(viewer: Viewer): ViewerObject {
  const role = viewer.admin
    ? ViewerRole.ADMIN
    : viewer.organiser
      ? ViewerRole.ORGANISER
      : viewer.speakerId !== null
        ? ViewerRole.SPEAKER
        : ViewerRole.PUBLIC;
  return { role, rights: viewer };
}
