import { Field, Int, ObjectType } from '@nestjs/graphql';
import { PageInfo } from '../common/graphql/page-info.model.js';
import type { EventView } from './event-view.js';
import { EventModel } from './event.model.js';

@ObjectType()
export class EventEdge {
  @Field()
  cursor: string;

  @Field(() => EventModel)
  node: EventView;
}

@ObjectType()
export class EventConnection {
  @Field(() => [EventEdge])
  edges: EventEdge[];

  @Field(() => [EventModel])
  nodes: EventView[];

  @Field(() => PageInfo)
  pageInfo: PageInfo;

  @Field(() => Int)
  totalCount: number;
}
