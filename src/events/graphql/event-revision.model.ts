import { Field, Int, ObjectType } from '@nestjs/graphql';
import { DateTimeScalar } from '../../common/graphql/date-time.scalar.js';
import { JSONScalar } from '../../common/graphql/json.scalar.js';
import { User } from '../../users/user.model.js';

@ObjectType()
export class EventRevision {
  @Field(() => Int)
  revision: number;

  @Field(() => DateTimeScalar)
  createdAt: Date;

  @Field(() => User, { nullable: true })
  author: User | null;

  @Field({ description: 'What happened: created, updated, published, unpublished, restored, imported.' })
  action: string;

  @Field(() => JSONScalar, { description: 'The whole event as an event document at that revision.' })
  document: Record<string, unknown>;
}
