import { Args, Context, Resolver, Subscription } from '@nestjs/graphql';
import type { GraphQLContext } from '../graphql/graphql-context.js';
import { EventChangesService } from './event-changes.service.js';
import { EventModel } from '../events/graphql/event.model.js';

@Resolver()
export class EventSubscriptionsResolver {
  constructor(private readonly changes: EventChangesService) {}

  @Subscription(() => EventModel, {
    nullable: true,
    description:
      'Fires when the event is published, republished, unpublished, deleted or restored, or a speaker answers an invitation; anonymous subscribers see the published state.',
  })
  eventChanged(@Args('slug') slug: string, @Context() ctx: GraphQLContext) {
    return this.changes.watch(slug, ctx);
  }
}
