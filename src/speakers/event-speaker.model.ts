import { Field, ObjectType } from '@nestjs/graphql';
import type { SessionSpeakerNode } from '../events/event-graph.js';
import type { SpeakerView } from '../events/event-view.js';
import { SessionSpeaker } from './session-speaker.model.js';
import { ParticipationStatusEnum } from './speaker.enums.js';
import { Speaker } from './speaker.model.js';

@ObjectType({ description: "A speaker's part in a whole event." })
export class EventSpeaker {
  @Field(() => Speaker)
  speaker: SpeakerView;

  @Field({ description: "Listed among the event's key speakers." })
  featured: boolean;

  @Field(() => ParticipationStatusEnum, {
    description: "The furthest status over this event's appearances: CONFIRMED > INVITED > DECLINED > WITHDRAWN.",
  })
  status: ParticipationStatusEnum;

  @Field(() => [SessionSpeaker])
  appearances: SessionSpeakerNode[];
}
