import { Args, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { type AgendaItemNode, itemSpeakers } from '../events/event-graph.js';
import { EventModel } from '../events/event.model.js';
import { SessionSpeaker } from '../speakers/session-speaker.model.js';
import { ParticipationStatusEnum } from '../speakers/speaker.enums.js';
import { AgendaItem } from './agenda-item.model.js';

@Resolver(() => AgendaItem)
export class AgendaItemResolver {
  @ResolveField(() => [SessionSpeaker])
  speakers(
    @Parent() item: AgendaItemNode,
    @Args('status', { type: () => [ParticipationStatusEnum], nullable: true }) status?: ParticipationStatusEnum[],
  ) {
    return itemSpeakers(item, status);
  }

  @ResolveField(() => EventModel)
  event(@Parent() item: AgendaItemNode) {
    return item.event;
  }
}
