import { Args, Query, Resolver } from '@nestjs/graphql';
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
}
