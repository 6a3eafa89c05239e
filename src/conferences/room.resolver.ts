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

  @OrganiserMutation(() => Room)
  createRoom(@Args('input') { conferenceId, ...room }: CreateRoomInput, @CurrentViewer() actor: Viewer) {
    return this.rooms.create(conferenceId, room, actor);
  }

  @OrganiserMutation(() => Room)
  updateRoom(@Args('id', { type: () => ID }) id: string, @Args('input') input: UpdateRoomInput, @CurrentViewer() actor: Viewer) {
    return this.rooms.update(id, input, actor);
  }

  @OrganiserMutation(() => Room, { description: 'Deletes a room; its sessions stay, without a room.' })
  deleteRoom(@Args('id', { type: () => ID }) id: string, @CurrentViewer() actor: Viewer) {
    return this.rooms.remove(id, actor);
  }
}
