import { Args, ID, Resolver } from '@nestjs/graphql';
import { OrganiserMutation } from '../auth/organiser-mutation.decorator';
import { CreateTrackInput, UpdateTrackInput } from './conference.inputs';
import { Track } from './track.entity';
import { TrackService } from './track.service';

@Resolver(() => Track)
export class TrackResolver {
  constructor(private readonly tracks: TrackService) {}

  @OrganiserMutation(() => Track)
  createTrack(@Args('input') { conferenceId, ...track }: CreateTrackInput) {
    return this.tracks.create(conferenceId, track);
  }

  @OrganiserMutation(() => Track)
  updateTrack(@Args('id', { type: () => ID }) id: string, @Args('input') input: UpdateTrackInput) {
    return this.tracks.update(id, input);
  }

  @OrganiserMutation(() => Track, { description: 'Deletes a track; its sessions stay, without a track.' })
  deleteTrack(@Args('id', { type: () => ID }) id: string) {
    return this.tracks.remove(id);
  }
}
