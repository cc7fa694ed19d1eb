import { Field, ObjectType } from '@nestjs/graphql';
import { AgendaItem } from '../agenda/agenda-item.model.js';
import type { AgendaItemNode } from '../events/event-graph.js';
import type { SpeakerView } from '../events/event-view.js';
import { ParticipationStatusEnum, SpeakerRoleEnum } from './speaker.enums.js';
import { Speaker } from './speaker.model.js';

@ObjectType({ description: "One speaker's part in one agenda item." })
export class SessionSpeaker {
  @Field(() => Speaker)
  speaker: SpeakerView;

  @Field(() => AgendaItem)
  agendaItem: AgendaItemNode;

  @Field(() => SpeakerRoleEnum)
  role: SpeakerRoleEnum;

  @Field(() => ParticipationStatusEnum)
  status: ParticipationStatusEnum;
}
