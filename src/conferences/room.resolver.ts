import { Args, ID, Resolver } from '@nestjs/graphql';
import { CurrentViewer } from '../auth/current-viewer.decorator';
import { OrganiserMutation } from '../auth/organiser-mutation.decorator';
import { Viewer } from '../auth/viewer';
import { CreateRoomInput, UpdateRoomInput } from './conference.inputs';
import { Room } from './room.entity';
import { RoomService } from './room.service';

@Resolver(() => Room)
export class RoomResolver {
  constructor(private readonly rooms: RoomService) {}

  @OrganiserMutation(() => Room, { description: 'Adds a room to a conference.' })
  createRoom(@Args('input', { description: 'The new room.' }) { conferenceId, ...room }: CreateRoomInput, @CurrentViewer() actor: Viewer) {
    return this.rooms.create(conferenceId, room, actor);
  }

  @OrganiserMutation(() => Room, { description: 'Changes a room.' })
  updateRoom(
    @Args('id', { type: () => ID, description: "The room's id." }) id: string,
    @Args('input', { description: 'What to change.' }) input: UpdateRoomInput,
    @CurrentViewer() actor: Viewer,
  ) {
    return this.rooms.update(id, input, actor);
  }

  @OrganiserMutation(() => Room, { description: 'Deletes a room; its sessions stay, without a room.' })
  deleteRoom(@Args('id', { type: () => ID, description: "The room's id." }) id: string, @CurrentViewer() actor: Viewer) {
    return this.rooms.remove(id, actor);
  }
}
