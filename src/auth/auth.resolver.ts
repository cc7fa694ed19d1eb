import { Args, Context, Mutation, Query, Resolver } from '@nestjs/graphql';
import { clientAddress, type GraphQLContext } from '../graphql/graphql-context.js';
import { User } from '../users/user.model.js';
import { UsersService } from '../users/users.service.js';
import { AuthPayload } from './auth-payload.model.js';
import { AuthService } from './auth.service.js';

@Resolver()
export class AuthResolver {
  constructor(
    private readonly auth: AuthService,
    private readonly users: UsersService,
  ) {}

  @Mutation(() => AuthPayload)
  login(@Args('email') email: string, @Args('password') password: string, @Context() ctx: GraphQLContext) {
    return this.auth.login(email, password, clientAddress(ctx.req));
  }

  @Query(() => User, { nullable: true, description: 'The signed-in user, or null.' })
  me(@Context() ctx: GraphQLContext) {
    return this.users.me(ctx.viewer);
  }
}
