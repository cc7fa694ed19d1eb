import { Field, ID, ObjectType } from '@nestjs/graphql';
import { RoleEnum } from './role.enum.js';

@ObjectType()
export class User {
  @Field(() => ID)
  id: string;

  @Field()
  email: string;

  @Field(() => String, { nullable: true })
  name: string | null;

  @Field(() => RoleEnum)
  role: RoleEnum;
}
