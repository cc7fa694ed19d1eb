import { UseGuards } from '@nestjs/common';
import { Args, Context, Mutation, Resolver } from '@nestjs/graphql';
import { SignedInGuard } from '../auth/signed-in.guard.js';
import type { GraphQLContext } from '../graphql/graphql-context.js';
import { CreateUserArgs } from './dto/create-user.args.js';
import { User } from './user.model.js';
import { UsersService } from './users.service.js';

@UseGuards(SignedInGuard)
@Resolver(() => User)
export class UsersResolver {
  constructor(private readonly users: UsersService) {}

  @Mutation(() => User, { description: 'Admins only.' })
  createUser(@Args() args: CreateUserArgs, @Context() ctx: GraphQLContext) {
    return this.users.create(ctx.viewer, args);
  }
}
