import { Args, Context, Field, ID, ObjectType, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { CurrentViewer } from '../../auth/current-viewer.decorator';
import { OrganiserMutation } from '../../auth/organiser-mutation.decorator';
import { RequestContext } from '../../auth/request-context';
import { SpeakerMutation } from '../../auth/speaker-mutation.decorator';
import { organises, Viewer } from '../../auth/viewer';
import { ViewerObject, ViewerRole } from '../../auth/viewer.object';
import { Connection, PageArgs } from '../../common/connection';
import { Conference } from '../../conferences/conference.entity';
import { ConferenceLoader } from '../../conferences/conference.loader';
import { Appearance } from '../../sessions/appearance.entity';
import { Speaker } from '../../speakers/speaker.entity';
import { SpeakerLoader } from '../../speakers/speaker.loader';
import { ProfileChange, ProfileChangeKind, ProfileChangeStatus } from './profile-change.entity';
import {
  AddUnavailabilityInput,
  ApproveProfileChangeInput,
  ProposeAppearanceChangeInput,
  ProposeProfileChangeInput,
  RejectProfileChangeInput,
  RemoveUnavailabilityInput,
} from './profile.inputs';
import { ProfileLoader } from './profile.loader';
import { ProfileService } from './profile.service';
import { SpeakerUnavailability } from './unavailability.entity';

@ObjectType({ description: 'One field of a proposed change: its value when proposed and the value proposed.' })
export class ProfileChangeField {
  @Field({ description: 'The field: name, otherNames, bio, links, photoUrl, title or organisation.' })
  field: string;

  @Field(() => String, { nullable: true, description: 'For a bio: the locale of this text.' })
  locale: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'Its value when the change was proposed (lists one item a line; links as "label <url>").',
  })
  before: string | null;

  @Field(() => String, { nullable: true, description: 'The value proposed; empty: the value is taken away.' })
  after: string | null;
}

@ObjectType({ description: 'Who proposed or reviewed a change.' })
export class ProfileChangeAuthor {
  @Field(() => ViewerRole, { description: 'SPEAKER (the speaker themself), ORGANISER or ADMIN.' })
  role: ViewerRole;

  @Field(() => String, { nullable: true, description: "Their name; an organiser's is shown to organisers only." })
  name: string | null;
}

@ObjectType({ description: 'A page of proposed changes.' })
export class ProfileChangeConnection extends Connection(ProfileChange) {}

@Resolver(() => ProfileChange)
export class ProfileChangeResolver {
  constructor(
    private readonly profiles: ProfileService,
    private readonly loader: ProfileLoader,
    private readonly speakers: SpeakerLoader,
    private readonly conferences: ConferenceLoader,
  ) {}

  @Query(() => ProfileChangeConnection, {
    description: 'Changes speakers proposed to their profiles and appearances that a conference you organise reviews, newest first.',
  })
  profileChanges(
    @Args('conferenceId', { type: () => ID, description: 'The conference whose organisers review them.' }) conferenceId: string,
    @Args('status', { type: () => ProfileChangeStatus, nullable: true, description: 'Only changes in this state, e.g. PENDING.' })
    status: ProfileChangeStatus | null,
    @Args() page: PageArgs,
    @CurrentViewer() viewer: Viewer,
  ) {
    return this.profiles.listFor(conferenceId, status, page, viewer);
  }

  @ResolveField(() => ProfileChangeKind, { description: "PROFILE for the speaker's own profile, APPEARANCE for one of their appearances." })
  kind(@Parent() change: ProfileChange): ProfileChangeKind {
    return change.appearanceId === null ? ProfileChangeKind.PROFILE : ProfileChangeKind.APPEARANCE;
  }

  @ResolveField(() => Speaker, { description: 'Whose profile or appearance it changes.' })
  speaker(@Parent() change: ProfileChange, @Context() context: RequestContext) {
    return this.speakers.speaker(context, change.speakerId);
  }

  @ResolveField(() => Appearance, { nullable: true, description: 'The appearance it changes; empty for a change to the profile.' })
  appearance(@Parent() change: ProfileChange, @Context() context: RequestContext) {
    return change.appearanceId === null ? null : this.loader.appearance(context, change.appearanceId);
  }

  @ResolveField(() => Conference, { nullable: true, description: 'The conference whose organisers review it; empty: admins review it.' })
  conference(@Parent() change: ProfileChange, @Context() context: RequestContext) {
    return change.conferenceId === null ? null : this.conferences.conference(context, change.conferenceId);
  }

  @ResolveField(() => [ProfileChangeField], { description: 'The change field by field, with the values before it: the diff to review.' })
  fields(@Parent() change: ProfileChange) {
    return this.profiles.fieldsOf(change);
  }

  @ResolveField(() => ProfileChangeAuthor, { description: 'Who proposed it.' })
  async proposedBy(@Parent() change: ProfileChange, @Context() context: RequestContext): Promise<ProfileChangeAuthor> {
    if (change.proposedBySpeakerId !== null)
      return { role: ViewerRole.SPEAKER, name: (await this.speakers.speaker(context, change.proposedBySpeakerId))?.name ?? null };
    return this.organiser(context, change.proposedByOrganiserId, change);
  }

  @ResolveField(() => ProfileChangeAuthor, {
    nullable: true,
    description: 'Who approved or rejected it; empty while pending, or when it was published at once.',
  })
  reviewedBy(@Parent() change: ProfileChange, @Context() context: RequestContext) {
    if (change.reviewedAt === null || change.status === ProfileChangeStatus.APPLIED) return null;
    return this.organiser(context, change.reviewedByOrganiserId, change);
  }

  @SpeakerMutation(() => ProfileChange, {
    description:
      'Changes your own profile (name, other spellings, bio per locale, links, photo): published at once, or waiting for the organisers as the conference that owns your profile chooses.',
  })
  proposeProfileChange(
    @Args('input', { description: 'What to change.' }) input: ProposeProfileChangeInput,
    @CurrentViewer() actor: Viewer,
  ) {
    return this.profiles.proposeProfileChange(input, actor);
  }

  @SpeakerMutation(() => ProfileChange, {
    description:
      "Changes your title and organisation in one of your sessions: published at once, or waiting for that conference's organisers.",
  })
  proposeAppearanceChange(
    @Args('input', { description: 'The appearance and what to change.' }) input: ProposeAppearanceChangeInput,
    @CurrentViewer() actor: Viewer,
  ) {
    return this.profiles.proposeAppearanceChange(input, actor);
  }

  @SpeakerMutation(() => SpeakerUnavailability, {
    description: 'Marks a time you cannot speak; organisers see sessions in it as conflicts.',
  })
  addUnavailability(@Args('input', { description: 'The period.' }) input: AddUnavailabilityInput, @CurrentViewer() actor: Viewer) {
    return this.profiles.addUnavailability(input, actor);
  }

  @SpeakerMutation(() => SpeakerUnavailability, { description: 'Takes away a time you marked.' })
  removeUnavailability(@Args('input', { description: 'The period.' }) input: RemoveUnavailabilityInput, @CurrentViewer() actor: Viewer) {
    return this.profiles.removeUnavailability(input.id, actor);
  }

  @OrganiserMutation(() => ProfileChange, {
    description: "Publishes a speaker's pending change; you must organise the conference that reviews it.",
  })
  approveProfileChange(
    @Args('input', { description: 'The change, and a note to the speaker.' }) input: ApproveProfileChangeInput,
    @CurrentViewer() actor: Viewer,
  ) {
    return this.profiles.approve(input.id, input.note, actor);
  }

  @OrganiserMutation(() => ProfileChange, {
    description: "Rejects a speaker's pending change with a note they will read; nothing of it is published.",
  })
  rejectProfileChange(
    @Args('input', { description: 'The change, and why.' }) input: RejectProfileChangeInput,
    @CurrentViewer() actor: Viewer,
  ) {
    return this.profiles.reject(input.id, input.note, actor);
  }

  private async organiser(context: RequestContext, organiserId: number | null, change: ProfileChange): Promise<ProfileChangeAuthor> {
    const organiser = organiserId === null ? null : await this.loader.organiser(context, organiserId);
    const shown = organises(context.viewer, change.conferenceId) && organiser ? organiser.name : null;
    return { role: organiser?.role === 'ADMIN' ? ViewerRole.ADMIN : ViewerRole.ORGANISER, name: shown };
  }
}

/** The signed-in speaker's own things, on `viewer`: empty for everyone else. */
@Resolver(() => ViewerObject)
export class ProfileViewerResolver {
  constructor(private readonly profiles: ProfileService) {}

  @ResolveField(() => Speaker, {
    nullable: true,
    description: "A signed-in speaker's own profile, with their e-mail; empty for anyone else.",
  })
  speaker(@Parent() viewer: ViewerObject) {
    return this.profiles.ownSpeaker(viewer.rights);
  }

  @ResolveField(() => [Appearance], { description: "A signed-in speaker's appearances in every conference's sessions, drafts included." })
  appearances(@Parent() viewer: ViewerObject) {
    return this.profiles.ownAppearances(viewer.rights);
  }

  @ResolveField(() => [ProfileChange], {
    description: "The changes a signed-in speaker proposed, newest first, with their state and the organisers' notes.",
  })
  profileChanges(@Parent() viewer: ViewerObject) {
    return this.profiles.ownChanges(viewer.rights);
  }

  @ResolveField(() => [SpeakerUnavailability], { description: 'The times a signed-in speaker marked they cannot speak, in order.' })
  unavailability(@Parent() viewer: ViewerObject) {
    return this.profiles.ownUnavailability(viewer.rights);
  }
}
