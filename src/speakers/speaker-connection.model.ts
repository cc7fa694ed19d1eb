import { Field, Int, ObjectType } from '@nestjs/graphql';
import { PageInfo } from '../common/graphql/page-info.model.js';
import type { SpeakerView } from '../events/event-view.js';
import { Speaker } from './speaker.model.js';

@ObjectType()
export class SpeakerEdge {
  @Field()
  cursor: string;

  @Field(() => Speaker)
  node: SpeakerView;
}

@ObjectType()
export class SpeakerConnection {
  @Field(() => [SpeakerEdge])
  edges: SpeakerEdge[];

  @Field(() => [Speaker])
  nodes: SpeakerView[];

  @Field(() => PageInfo)
  pageInfo: PageInfo;

  @Field(() => Int)
  totalCount: number;
}
