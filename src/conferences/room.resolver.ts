import { Args, ID, Resolver } from '@nestjs/graphql';
import { OrganiserMutation } from '../auth/organiser-mutation.decorator';
import { CreateRoomInput, UpdateRoomInput } from './conference.inputs';
import { Room } from './room.entity';
import { RoomService } from './room.service';

@Resolver(() => Room)
export class RoomResolver {
  constructor(private readonly rooms: RoomService) {}

  @OrganiserMutation(() => Room)
  createRoom(@Args('input') { conferenceId, ...room }: CreateRoomInput) {
    return this.rooms.create(conferenceId, room);
  }

  @OrganiserMutation(() => Room)
  updateRoom(@Args('id', { type: () => ID }) id: string, @Args('input') input: UpdateRoomInput) {
    return this.rooms.update(id, input);
  }

  @OrganiserMutation(() => Room, { description: 'Deletes a room; its sessions stay, without a room.' })
  deleteRoom(@Args('id', { type: () => ID }) id: string) {
    return this.rooms.remove(id);
  }
}
