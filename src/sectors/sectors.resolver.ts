import { UseGuards } from '@nestjs/common';
import { Args, Context, Int, Mutation, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { SignedInGuard } from '../auth/signed-in.guard.js';
import type { GraphQLContext } from '../graphql/graphql-context.js';
import { CreateSectorArgs } from './dto/create-sector.args.js';
import { UpdateSectorArgs } from './dto/update-sector.args.js';
import type { SectorView } from './sector-view.js';
import { Sector } from './sector.model.js';
import { SectorsService } from './sectors.service.js';

@Resolver(() => Sector)
export class SectorsResolver {
  constructor(private readonly service: SectorsService) {}

  @Query(() => [Sector])
  sectors(@Context() ctx: GraphQLContext) {
    return this.service.findAll(ctx.viewer);
  }

  @Query(() => Sector, { nullable: true })
  sector(@Args('slug') slug: string, @Context() ctx: GraphQLContext) {
    return this.service.findBySlug(ctx.viewer, slug);
  }

  @UseGuards(SignedInGuard)
  @Mutation(() => Sector)
  createSector(@Args() { slug, name }: CreateSectorArgs, @Context() ctx: GraphQLContext) {
    return this.service.create(ctx.viewer, slug, name);
  }

  @UseGuards(SignedInGuard)
  @Mutation(() => Sector, { description: 'Editors: renames a sector; its slug stays.' })
  updateSector(@Args() { id, name, expectedVersion }: UpdateSectorArgs, @Context() ctx: GraphQLContext) {
    return this.service.update(ctx.viewer, id, name, expectedVersion);
  }

  @ResolveField(() => Int, { description: 'Increases with every saved change; pass it back as expectedVersion.' })
  version(sector: SectorView, _args: unknown, ctx: GraphQLContext) {
    return sector.version ?? ctx.loaders.versions.load({ table: 'sectors', id: sector.id });
  }
}
