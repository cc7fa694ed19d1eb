import { Field, ID, ObjectType } from '@nestjs/graphql';

@ObjectType({ description: 'An audience sector, e.g. Criminal Justice, Local Government, Voluntary Sector.' })
export class Sector {
  @Field(() => ID)
  id: string;

  @Field()
  slug: string;

  @Field()
  name: string;
}
