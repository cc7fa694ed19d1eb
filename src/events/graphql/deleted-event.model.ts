import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { DateTimeScalar } from '../../common/graphql/date-time.scalar.js';

@ObjectType({ description: 'A deleted event, as an editor can find it to restore it (restoreDeletedEvent).' })
export class DeletedEvent {
  @Field(() => ID)
  id: string;

  @Field()
  slug: string;

  @Field()
  title: string;

  @Field(() => DateTimeScalar)
  startsAt: Date;

  @Field(() => DateTimeScalar)
  endsAt: Date;

  @Field(() => Int)
  version: number;

  @Field(() => DateTimeScalar)
  deletedAt: Date;

  @Field({ description: 'Whether another event uses its slug now: then it can only be restored under a new one.' })
  slugTaken: boolean;
}
