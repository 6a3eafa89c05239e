import { Args, ID, Int, ResolveField, Resolver } from '@nestjs/graphql';
import { CurrentViewer } from '../auth/current-viewer.decorator';
import { OrganiserMutation } from '../auth/organiser-mutation.decorator';
import { RequestContext } from '../auth/request-context';
import { Viewer } from '../auth/viewer';
import { mutationInput, newInputArg, replacedArg } from '../common/mutation-input';
import { Speaker } from '../speakers/speaker.entity';
import { SpeakerLoader } from '../speakers/speaker.loader';
import { Appearance } from './appearance.entity';
import { AppearanceService } from './appearance.service';
import { AddAppearanceInput, MoveAppearanceInput, RemoveAppearanceInput, UpdateAppearanceInput } from './session.inputs';
import { Session } from './session.entity';
import { SessionLoader } from './session.loader';

const APPEARANCE_ID = { type: () => ID, description: "The appearance's id." };

@Resolver(() => Appearance)
export class AppearanceResolver {
  constructor(
    private readonly appearances: AppearanceService,
    private readonly speakers: SpeakerLoader,
    private readonly sessions: SessionLoader,
  ) {}

  // Fields with GraphQL's own arguments and no parameter decorators: Nest calls them directly
  // (see SessionResolver), and a page calls them for every line-up.

  @ResolveField(() => Speaker, { description: 'Who appears.' })
  speaker(appearance: Appearance, _args: unknown, context: RequestContext) {
    return appearance.speaker ?? this.speakers.speaker(context, appearance.speakerId);
  }

  @ResolveField(() => Session, { description: 'Where they appear.' })
  session(appearance: Appearance, _args: unknown, context: RequestContext) {
    return this.sessions.session(context, appearance.sessionId);
  }

  @ResolveField(() => String, { nullable: true, description: 'Title and organisation together, e.g. "kommundirektör, Karlskrona kommun".' })
  affiliation(appearance: Appearance) {
    return [appearance.title, appearance.organisation].filter(Boolean).join(', ') || null;
  }

  @OrganiserMutation(() => Appearance, { description: 'Adds a speaker to a session.' })
  addAppearance(
    @Args('input', { description: 'The speaker, the session and the part.' }) input: AddAppearanceInput,
    @CurrentViewer() actor: Viewer,
  ) {
    return this.appearances.add(input, actor);
  }

  @OrganiserMutation(() => Appearance, { description: "Moves a speaker to another place in the session's line-up." })
  moveAppearance(
    @Args('input', newInputArg(() => MoveAppearanceInput, 'The appearance and its new place.')) input: MoveAppearanceInput | null,
    @Args('id', replacedArg('id', APPEARANCE_ID)) id: string | null,
    @Args('position', replacedArg('position', { type: () => Int, description: 'The new place in the line-up, from 0.' }))
    position: number | null,
    @CurrentViewer() actor: Viewer,
  ) {
    const move = mutationInput(input, { id, position }, ['id', 'position']);
    return this.appearances.move(move.id, move.position, actor);
  }

  @OrganiserMutation(() => Appearance, { description: "Changes a speaker's part, title or organisation in one session." })
  updateAppearance(
    @Args('input', { description: 'The appearance and what to change.' }) input: UpdateAppearanceInput,
    @Args('id', replacedArg('id', APPEARANCE_ID)) id: string | null,
    @CurrentViewer() actor: Viewer,
  ) {
    const { id: appearanceId, ...changes } = mutationInput(input, { id }, ['id']);
    return this.appearances.update(appearanceId, changes, actor);
  }

  @OrganiserMutation(() => Appearance, { description: 'Takes a speaker out of a session.' })
  removeAppearance(
    @Args('input', newInputArg(() => RemoveAppearanceInput, 'The appearance to remove.')) input: RemoveAppearanceInput | null,
    @Args('id', replacedArg('id', APPEARANCE_ID)) id: string | null,
    @CurrentViewer() actor: Viewer,
  ) {
    return this.appearances.remove(mutationInput(input, { id }, ['id']).id, actor);
  }
}
