import { Args, Context, Field, ID, InputType, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { GraphQLDateTime } from 'graphql-scalars';
import { CurrentViewer } from '../auth/current-viewer.decorator';
import { OrganiserMutation } from '../auth/organiser-mutation.decorator';
import { RequestContext } from '../auth/request-context';
import { Viewer } from '../auth/viewer';
import { groupedByKey, requestLoader } from '../common/loaders';
import { mutationInput, newInputArg, replacedArg } from '../common/mutation-input';
import { RoomAvailability } from './room-availability.entity';
import { RoomAvailabilityService } from './room-availability.service';
import { Room } from './room.entity';

@InputType({ description: 'A window of time a room can be used in.' })
export class TimeWindowInput {
  @Field(() => GraphQLDateTime, { description: 'With an offset or Z.' })
  startsAt: Date;

  @Field(() => GraphQLDateTime, { description: 'With an offset or Z; after `startsAt`.' })
  endsAt: Date;
}

@InputType({ description: 'A room and every window it can be used in.' })
export class SetRoomAvailabilityInput {
  @Field(() => ID, { description: "The room's id." })
  roomId: string;

  @Field(() => [TimeWindowInput], { description: 'Every window the room can be used in; they replace the stored ones. Empty: throughout.' })
  windows: TimeWindowInput[];
}

@Resolver(() => Room)
export class RoomAvailabilityResolver {
  constructor(private readonly availabilityService: RoomAvailabilityService) {}

  @ResolveField(() => [RoomAvailability], { description: 'When the room can be used; empty: throughout the conference.' })
  availability(@Parent() room: Room, @Context() context: RequestContext) {
    return requestLoader<number, RoomAvailability[]>(context, 'roomAvailability', async (ids) =>
      groupedByKey(ids, await this.availabilityService.ofRooms(ids), (window) => window.roomId),
    ).load(room.id);
  }

  @OrganiserMutation(() => Room, { description: 'Replaces the windows the room can be used in; an empty list: throughout.' })
  setRoomAvailability(
    @Args('input', newInputArg(() => SetRoomAvailabilityInput, 'The room and its windows.')) input: SetRoomAvailabilityInput | null,
    @Args('roomId', replacedArg('roomId', { type: () => ID, description: "The room's id." })) roomId: string | null,
    @Args('windows', replacedArg('windows', { type: () => [TimeWindowInput], description: 'Every window the room can be used in.' }))
    windows: TimeWindowInput[] | null,
    @CurrentViewer() actor: Viewer,
  ) {
    const given = mutationInput(input, { roomId, windows }, ['roomId', 'windows']);
    return this.availabilityService.set(given.roomId, given.windows, actor);
  }
}
