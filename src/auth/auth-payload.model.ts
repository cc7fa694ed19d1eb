import { Field, ObjectType } from '@nestjs/graphql';
import { DateTimeScalar } from '../common/graphql/date-time.scalar.js';
import { User } from '../users/user.model.js';

@ObjectType()
export class AuthPayload {
  @Field()
  token: string;

  @Field(() => DateTimeScalar)
  expiresAt: Date;

  @Field(() => User)
  user: User;
}
