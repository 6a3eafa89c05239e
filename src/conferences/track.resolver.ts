import { Args, ID, Resolver } from '@nestjs/graphql';
import { CurrentViewer } from '../auth/current-viewer.decorator';
import { OrganiserMutation } from '../auth/organiser-mutation.decorator';
import { Viewer } from '../auth/viewer';
import { CreateTrackInput, UpdateTrackInput } from './conference.inputs';
import { Track } from './track.entity';
import { TrackService } from './track.service';

@Resolver(() => Track)
export class TrackResolver {
  constructor(private readonly tracks: TrackService) {}

  @OrganiserMutation(() => Track, { description: 'Adds a track to a conference.' })
  createTrack(
    @Args('input', { description: 'The new track.' }) { conferenceId, ...track }: CreateTrackInput,
    @CurrentViewer() actor: Viewer,
  ) {
    return this.tracks.create(conferenceId, track, actor);
  }

  @OrganiserMutation(() => Track, { description: 'Changes a track.' })
  updateTrack(
    @Args('id', { type: () => ID, description: "The track's id." }) id: string,
    @Args('input', { description: 'What to change.' }) input: UpdateTrackInput,
    @CurrentViewer() actor: Viewer,
  ) {
    return this.tracks.update(id, input, actor);
  }

  @OrganiserMutation(() => Track, { description: 'Deletes a track; its sessions stay, without a track.' })
  deleteTrack(@Args('id', { type: () => ID, description: "The track's id." }) id: string, @CurrentViewer() actor: Viewer) {
    return this.tracks.remove(id, actor);
  }
}
