import { UseGuards } from '@nestjs/common';
import { Args, Context, Mutation, Query, Resolver } from '@nestjs/graphql';
import { SignedInGuard } from '../../auth/signed-in.guard.js';
import type { GraphQLContext } from '../../graphql/graphql-context.js';
import { EventInput } from './dto/event.input.js';
import {
  DeletedEventsArgs,
  DuplicateEventArgs,
  EventRevisionsArgs,
  EventVersionArgs,
  RestoreDeletedEventArgs,
  RestoreEventRevisionArgs,
  SchedulePublicationArgs,
  UpdateEventArgs,
} from './dto/event-mutation.args.js';
import { EventEditorService } from '../editing/event-editor.service.js';
import { DeletedEvent } from './deleted-event.model.js';
import { EventRevision } from './event-revision.model.js';
import { EventModel } from './event.model.js';

@UseGuards(SignedInGuard)
@Resolver()
export class EventMutationsResolver {
  constructor(private readonly editor: EventEditorService) {}

  @Mutation(() => EventModel)
  createEvent(@Args('input') input: EventInput, @Context() ctx: GraphQLContext) {
    return this.editor.create(ctx.viewer, input);
  }

  @Mutation(() => EventModel, { description: 'Fails with CONFLICT when expectedVersion is not the current version.' })
  updateEvent(@Args() { id, expectedVersion, input }: UpdateEventArgs, @Context() ctx: GraphQLContext) {
    return this.editor.update(ctx.viewer, id, expectedVersion, input);
  }

  @Mutation(() => Boolean)
  deleteEvent(@Args() { id, expectedVersion }: EventVersionArgs, @Context() ctx: GraphQLContext) {
    return this.editor.delete(ctx.viewer, id, expectedVersion);
  }

  @Mutation(() => EventModel, {
    description:
      'Editors: brings a deleted event back with its revisions, as a draft (publish it again when ready). ' +
      'CONFLICT when its slug has been taken since: pass slug to restore it under a new one.',
  })
  restoreDeletedEvent(@Args() { id, slug }: RestoreDeletedEventArgs, @Context() ctx: GraphQLContext) {
    return this.editor.restoreDeleted(ctx.viewer, id, slug);
  }

  @Query(() => [DeletedEvent], { description: 'Editors only: deleted events, most recently deleted first.' })
  deletedEvents(@Args() { first }: DeletedEventsArgs, @Context() ctx: GraphQLContext) {
    return this.editor.deleted(ctx.viewer, first);
  }

  @Mutation(() => EventModel)
  publishEvent(@Args() { id, expectedVersion }: EventVersionArgs, @Context() ctx: GraphQLContext) {
    return this.editor.publish(ctx.viewer, id, expectedVersion);
  }

  @Mutation(() => EventModel)
  unpublishEvent(@Args() { id, expectedVersion }: EventVersionArgs, @Context() ctx: GraphQLContext) {
    return this.editor.unpublish(ctx.viewer, id, expectedVersion);
  }

  @Mutation(() => EventModel, {
    description:
      'Editors: publishes and/or unpublishes the event at the given times (once, whichever replica runs; late if ' +
      'none ran at the time), as publishEvent/unpublishEvent would. Null for both cancels.',
  })
  schedulePublication(
    @Args() { eventId, expectedVersion, publishAt, unpublishAt }: SchedulePublicationArgs,
    @Context() ctx: GraphQLContext,
  ) {
    return this.editor.schedulePublication(ctx.viewer, eventId, expectedVersion, {
      publishAt: publishAt ?? null,
      unpublishAt: unpublishAt ?? null,
    });
  }

  @Mutation(() => EventModel, {
    description: 'A draft copy with a new slug, agenda and speakers included, shifted to a new start.',
  })
  duplicateEvent(@Args() { id, slug, startsAt }: DuplicateEventArgs, @Context() ctx: GraphQLContext) {
    return this.editor.duplicate(ctx.viewer, id, slug, startsAt);
  }

  @Mutation(() => EventModel)
  restoreEventRevision(
    @Args() { eventId, revision, expectedVersion }: RestoreEventRevisionArgs,
    @Context() ctx: GraphQLContext,
  ) {
    return this.editor.restore(ctx.viewer, eventId, revision, expectedVersion);
  }

  @Query(() => [EventRevision], { description: 'Editors only.' })
  eventRevisions(@Args() { eventId }: EventRevisionsArgs, @Context() ctx: GraphQLContext) {
    return this.editor.revisions(ctx.viewer, eventId);
  }
}
