import { UseGuards } from '@nestjs/common';
import { Args, Context, Int, Mutation, ResolveField, Resolver } from '@nestjs/graphql';
import { SignedInGuard } from '../auth/signed-in.guard.js';
import type { GraphQLContext } from '../graphql/graphql-context.js';
import { CreateUserArgs } from './dto/create-user.args.js';
import { UpdateUserArgs, UserVersionArgs } from './dto/user-mutation.args.js';
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

  @Mutation(() => User, { description: "Admins only: a user's role or name. Admins cannot change their own role." })
  updateUser(@Args() { id, expectedVersion, ...input }: UpdateUserArgs, @Context() ctx: GraphQLContext) {
    return this.users.update(ctx.viewer, id, input, expectedVersion);
  }

  @Mutation(() => Boolean, { description: 'Admins only; not themselves. Their revisions stay, without author.' })
  deleteUser(@Args() { id, expectedVersion }: UserVersionArgs, @Context() ctx: GraphQLContext) {
    return this.users.delete(ctx.viewer, id, expectedVersion);
  }

  @ResolveField(() => Int, { description: 'Increases with every saved change; pass it back as expectedVersion.' })
  version(user: { id: string; version?: number }, _args: unknown, ctx: GraphQLContext) {
    return user.version ?? ctx.loaders.versions.load({ table: 'users', id: user.id });
  }
}
