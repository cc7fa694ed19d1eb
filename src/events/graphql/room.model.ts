import { Field, ID, Int, ObjectType } from '@nestjs/graphql';

@ObjectType({ description: "A room of the event's venue, where agenda items take place." })
export class Room {
  @Field(() => ID)
  id: string;

  @Field({ description: 'Unique within the event.' })
  slug: string;

  @Field()
  name: string;

  @Field(() => Int, { nullable: true, description: 'Seats.' })
  capacity: number | null;

  @Field(() => String, { nullable: true, description: 'E.g. "Ground floor", "Level 2".' })
  floor: string | null;

  @Field(() => String, { nullable: true })
  description: string | null;

  @Field(() => Int, { description: "0-based order among the event's rooms." })
  position: number;
}
