import { UseGuards } from '@nestjs/common';
import { Args, Context, Mutation, Query, Resolver } from '@nestjs/graphql';
import { SignedInGuard } from '../auth/signed-in.guard.js';
import type { GraphQLContext } from '../graphql/graphql-context.js';
import { CreateSectorArgs } from './dto/create-sector.args.js';
import { Sector } from './sector.model.js';
import { SectorsService } from './sectors.service.js';

@Resolver(() => Sector)
export class SectorsResolver {
  constructor(private readonly service: SectorsService) {}

  @Query(() => [Sector])
  sectors() {
    return this.service.findAll();
  }

  @Query(() => Sector, { nullable: true })
  sector(@Args('slug') slug: string) {
    return this.service.findBySlug(slug);
  }

  @UseGuards(SignedInGuard)
  @Mutation(() => Sector)
  createSector(@Args() { slug, name }: CreateSectorArgs, @Context() ctx: GraphQLContext) {
    return this.service.create(ctx.viewer, slug, name);
  }
}
