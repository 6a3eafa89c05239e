import { Args, ID, Resolver } from '@nestjs/graphql';
import { CurrentViewer } from '../auth/current-viewer.decorator';
import { OrganiserMutation } from '../auth/organiser-mutation.decorator';
import { Viewer } from '../auth/viewer';
import { mutationInput, newInputArg, replacedArg } from '../common/mutation-input';
import { CreateRoomInput, DeleteRoomInput, UpdateRoomInput } from './conference.inputs';
import { Room } from './room.entity';
import { RoomService } from './room.service';

const ROOM_ID = { type: () => ID, description: "The room's id." };

@Resolver(() => Room)
export class RoomResolver {
  constructor(private readonly rooms: RoomService) {}

  @OrganiserMutation(() => Room, { description: 'Adds a room to a conference.' })
  createRoom(@Args('input', { description: 'The new room.' }) { conferenceId, ...room }: CreateRoomInput, @CurrentViewer() actor: Viewer) {
    return this.rooms.create(conferenceId, room, actor);
  }

  @OrganiserMutation(() => Room, { description: 'Changes a room.' })
  updateRoom(
    @Args('input', { description: 'The room and what to change.' }) input: UpdateRoomInput,
    @Args('id', replacedArg('id', ROOM_ID)) id: string | null,
    @CurrentViewer() actor: Viewer,
  ) {
    const { id: roomId, ...changes } = mutationInput(input, { id }, ['id']);
    return this.rooms.update(roomId, changes, actor);
  }

  @OrganiserMutation(() => Room, { description: 'Deletes a room; its sessions stay, without a room.' })
  deleteRoom(
    @Args('input', newInputArg(() => DeleteRoomInput, 'The room to delete.')) input: DeleteRoomInput | null,
    @Args('id', replacedArg('id', ROOM_ID)) id: string | null,
    @CurrentViewer() actor: Viewer,
  ) {
    return this.rooms.remove(mutationInput(input, { id }, ['id']).id, actor);
  }
}
