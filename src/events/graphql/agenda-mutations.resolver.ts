import { UseGuards } from '@nestjs/common';
import { Args, Context, Mutation, Resolver } from '@nestjs/graphql';
import { EventModel } from './event.model.js';
import { SignedInGuard } from '../../auth/signed-in.guard.js';
import type { GraphQLContext } from '../../graphql/graphql-context.js';
import { AgendaEditorService } from '../editing/agenda-editor.service.js';
import { AgendaItem } from './agenda-item.model.js';
import {
  AddAgendaItemArgs,
  AgendaItemVersionArgs,
  ReorderAgendaArgs,
  ShiftAgendaItemsArgs,
  UpdateAgendaItemArgs,
} from './dto/agenda-mutation.args.js';

@UseGuards(SignedInGuard)
@Resolver()
export class AgendaMutationsResolver {
  constructor(private readonly editor: AgendaEditorService) {}

  @Mutation(() => AgendaItem)
  addAgendaItem(@Args() { eventId, expectedVersion, input }: AddAgendaItemArgs, @Context() ctx: GraphQLContext) {
    return this.editor.add(ctx.viewer, eventId, expectedVersion, input);
  }

  @Mutation(() => AgendaItem)
  updateAgendaItem(@Args() { id, expectedVersion, input }: UpdateAgendaItemArgs, @Context() ctx: GraphQLContext) {
    return this.editor.update(ctx.viewer, id, expectedVersion, input);
  }

  @Mutation(() => EventModel)
  removeAgendaItem(@Args() { id, expectedVersion }: AgendaItemVersionArgs, @Context() ctx: GraphQLContext) {
    return this.editor.remove(ctx.viewer, id, expectedVersion);
  }

  @Mutation(() => EventModel, { description: "itemIds must be exactly the event's agenda items, in the new order." })
  reorderAgenda(@Args() { eventId, expectedVersion, itemIds }: ReorderAgendaArgs, @Context() ctx: GraphQLContext) {
    return this.editor.reorder(ctx.viewer, eventId, expectedVersion, itemIds);
  }

  @Mutation(() => EventModel, {
    description:
      'Moves these timed items by `minutes` at once (one version, one revision); refused when one would leave the ' +
      'event or overlap another item.',
  })
  shiftAgendaItems(
    @Args() { eventId, expectedVersion, itemIds, minutes }: ShiftAgendaItemsArgs,
    @Context() ctx: GraphQLContext,
  ) {
    return this.editor.shift(ctx.viewer, eventId, expectedVersion, itemIds, minutes);
  }
}
