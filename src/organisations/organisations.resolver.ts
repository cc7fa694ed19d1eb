import { Context, Query, Resolver } from '@nestjs/graphql';
import type { GraphQLContext } from '../graphql/graphql-context.js';
import { Organisation } from './organisation.model.js';
import { OrganisationsService } from './organisations.service.js';

@Resolver(() => Organisation)
export class OrganisationsResolver {
  constructor(private readonly service: OrganisationsService) {}

  @Query(() => [Organisation])
  organisations(@Context() ctx: GraphQLContext) {
    return this.service.findAll(ctx.viewer);
  }
}
