import { ResolveField, Resolver } from '@nestjs/graphql';
import { FieldArgs } from '../../common/graphql/field-args.js';
import { type AgendaItemNode, itemRoom, itemSpeakers } from '../domain/event-graph.js';
import { EventModel } from './event.model.js';
import { SessionSpeaker } from './session-speaker.model.js';
import { ParticipationStatusEnum } from './appearance.enums.js';
import { AgendaItem } from './agenda-item.model.js';
import { Room } from './room.model.js';
import type { ParticipationStatus } from '../domain/event-enums.js';

@Resolver(() => AgendaItem)
export class AgendaItemResolver {
  @ResolveField(() => [SessionSpeaker])
  @FieldArgs({ status: { type: () => [ParticipationStatusEnum], nullable: true } })
  speakers(item: AgendaItemNode, { status }: { status?: ParticipationStatus[] | null }) {
    return itemSpeakers(item, status);
  }

  @ResolveField(() => Room, { nullable: true, description: 'Where it takes place, when the event has rooms.' })
  room(item: AgendaItemNode) {
    return itemRoom(item);
  }

  @ResolveField(() => EventModel)
  event(item: AgendaItemNode) {
    return item.event;
  }
}
