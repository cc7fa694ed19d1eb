import { UseGuards } from '@nestjs/common';
import { Args, Context, Int, Mutation, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { SignedInGuard } from '../auth/signed-in.guard.js';
import type { GraphQLContext } from '../graphql/graphql-context.js';
import type { OrganisationView } from './organisation-view.js';
import { Organisation } from './organisation.model.js';
import { OrganisationsService } from './organisations.service.js';
import { UpdateOrganisationArgs } from './dto/update-organisation.args.js';

@Resolver(() => Organisation)
export class OrganisationsResolver {
  constructor(private readonly service: OrganisationsService) {}

  @Query(() => [Organisation])
  organisations(@Context() ctx: GraphQLContext) {
    return this.service.findAll(ctx.viewer);
  }

  @UseGuards(SignedInGuard)
  @Mutation(() => Organisation, { description: "Changes an organisation's name or url; its slug stays." })
  updateOrganisation(
    @Args() { id, expectedVersion, ...input }: UpdateOrganisationArgs,
    @Context() ctx: GraphQLContext,
  ) {
    return this.service.update(ctx.viewer, id, input, expectedVersion);
  }

  @ResolveField(() => Int, { description: 'Increases with every saved change; pass it back as expectedVersion.' })
  version(organisation: OrganisationView, _args: unknown, ctx: GraphQLContext) {
    return organisation.version ?? ctx.loaders.versions.load({ table: 'organisations', id: organisation.id });
  }
}
