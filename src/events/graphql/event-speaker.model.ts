import { Field, ObjectType } from '@nestjs/graphql';
import type { SessionSpeakerNode } from '../domain/event-graph.js';
import type { SpeakerView } from '../../speakers/speaker-view.js';
import { SessionSpeaker } from './session-speaker.model.js';
import { ParticipationStatusEnum } from './appearance.enums.js';
import { Speaker } from '../../speakers/speaker.model.js';
import type { ParticipationStatus } from '../domain/event-enums.js';

@ObjectType({ description: "A speaker's part in a whole event." })
export class EventSpeaker {
  @Field(() => Speaker)
  speaker: SpeakerView;

  @Field({ description: "Listed among the event's key speakers." })
  featured: boolean;

  @Field(() => ParticipationStatusEnum, {
    description: "The furthest status over this event's appearances: CONFIRMED > INVITED > DECLINED > WITHDRAWN.",
  })
  status: ParticipationStatus;

  @Field(() => [SessionSpeaker])
  appearances: SessionSpeakerNode[];
}
