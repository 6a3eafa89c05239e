import { Args, ID, Resolver } from '@nestjs/graphql';
import { CurrentViewer } from '../auth/current-viewer.decorator';
import { OrganiserMutation } from '../auth/organiser-mutation.decorator';
import { Viewer } from '../auth/viewer';
import { mutationInput, newInputArg, replacedArg } from '../common/mutation-input';
import { CreateTrackInput, DeleteTrackInput, UpdateTrackInput } from './conference.inputs';
import { Track } from './track.entity';
import { TrackService } from './track.service';

const TRACK_ID = { type: () => ID, description: "The track's id." };

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
    @Args('input', { description: 'The track and what to change.' }) input: UpdateTrackInput,
    @Args('id', replacedArg('id', TRACK_ID)) id: string | null,
    @CurrentViewer() actor: Viewer,
  ) {
    const { id: trackId, ...changes } = mutationInput(input, { id }, ['id']);
    return this.tracks.update(trackId, changes, actor);
  }

  @OrganiserMutation(() => Track, { description: 'Deletes a track; its sessions stay, without a track.' })
  deleteTrack(
    @Args('input', newInputArg(() => DeleteTrackInput, 'The track to delete.')) input: DeleteTrackInput | null,
    @Args('id', replacedArg('id', TRACK_ID)) id: string | null,
    @CurrentViewer() actor: Viewer,
  ) {
    return this.tracks.remove(mutationInput(input, { id }, ['id']).id, actor);
  }
}
