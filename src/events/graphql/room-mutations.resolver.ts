import { UseGuards } from '@nestjs/common';
import { Args, Context, Mutation, Resolver } from '@nestjs/graphql';
import { SignedInGuard } from '../../auth/signed-in.guard.js';
import type { GraphQLContext } from '../../graphql/graphql-context.js';
import { RoomEditorService } from '../editing/room-editor.service.js';
import { CreateRoomArgs, RemoveRoomArgs, UpdateRoomArgs } from './dto/room-mutation.args.js';
import { EventModel } from './event.model.js';
import { Room } from './room.model.js';

@UseGuards(SignedInGuard)
@Resolver()
export class RoomMutationsResolver {
  constructor(private readonly editor: RoomEditorService) {}

  @Mutation(() => Room)
  createRoom(@Args() { eventId, expectedVersion, input }: CreateRoomArgs, @Context() ctx: GraphQLContext) {
    return this.editor.create(ctx.viewer, eventId, expectedVersion, input);
  }

  @Mutation(() => Room)
  updateRoom(@Args() { id, expectedVersion, input }: UpdateRoomArgs, @Context() ctx: GraphQLContext) {
    return this.editor.update(ctx.viewer, id, expectedVersion, input);
  }

  @Mutation(() => EventModel, {
    description: 'Refused (CONFLICT) while agenda items take place in the room, unless moveItemsTo takes them.',
  })
  removeRoom(@Args() { id, expectedVersion, moveItemsTo }: RemoveRoomArgs, @Context() ctx: GraphQLContext) {
    return this.editor.remove(ctx.viewer, id, expectedVersion, moveItemsTo);
  }
}
