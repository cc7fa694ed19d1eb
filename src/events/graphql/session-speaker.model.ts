import { Field, ObjectType } from '@nestjs/graphql';
import { AgendaItem } from './agenda-item.model.js';
import type { AgendaItemNode } from '../domain/event-graph.js';
import type { SpeakerView } from '../../speakers/speaker-view.js';
import { ParticipationStatusEnum, SpeakerRoleEnum } from './appearance.enums.js';
import { Speaker } from '../../speakers/speaker.model.js';
import type { ParticipationStatus, SpeakerRole } from '../domain/event-enums.js';

@ObjectType({ description: "One speaker's part in one agenda item." })
export class SessionSpeaker {
  @Field(() => Speaker)
  speaker: SpeakerView;

  @Field(() => AgendaItem)
  agendaItem: AgendaItemNode;

  @Field(() => SpeakerRoleEnum)
  role: SpeakerRole;

  @Field(() => ParticipationStatusEnum)
  status: ParticipationStatus;
}
