import { Int, ResolveField, Resolver } from '@nestjs/graphql';
import { FieldArgs } from '../../common/graphql/field-args.js';
import { DEFAULT_PAGE_SIZE } from '../../common/graphql/pagination.js';
import type { GraphQLContext } from '../../graphql/graphql-context.js';
import type { SectorView } from '../../sectors/sector-view.js';
import { Sector } from '../../sectors/sector.model.js';
import { EventConnection } from './event-connection.model.js';
import { EventsService } from '../reading/events.service.js';

/** Sector.events: the events of one sector, soonest first. */
@Resolver(() => Sector)
export class SectorEventsResolver {
  constructor(private readonly eventsService: EventsService) {}

  @ResolveField(() => EventConnection)
  @FieldArgs({
    first: { type: () => Int, nullable: true, defaultValue: DEFAULT_PAGE_SIZE },
    after: { type: () => String, nullable: true },
  })
  events(sector: SectorView, { first, after }: { first: number; after?: string | null }, ctx: GraphQLContext) {
    ctx.answer?.lists();
    return this.eventsService.ofSector(ctx.viewer, sector, first, after, ctx.loaders);
  }
}
