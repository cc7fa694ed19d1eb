import { Field, ID, ObjectType } from '@nestjs/graphql';

@ObjectType()
export class Organisation {
  @Field(() => ID)
  id: string;

  @Field()
  slug: string;

  @Field()
  name: string;

  @Field(() => String, { nullable: true })
  url: string | null;
}
