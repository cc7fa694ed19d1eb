import { Args, Context, Info, Int, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import type { GraphQLResolveInfo } from 'graphql';
import { AgendaItem } from './agenda-item.model.js';
import { AgendaArgs } from './dto/agenda.args.js';
import { Room } from './room.model.js';
import { FieldArgs } from '../../common/graphql/field-args.js';
import { JSONScalar } from '../../common/graphql/json.scalar.js';
import { selectsField } from '../../common/graphql/selection.js';
import type { GraphQLContext } from '../../graphql/graphql-context.js';
import { EventSpeaker } from './event-speaker.model.js';
import { ParticipationStatusEnum } from './appearance.enums.js';
import { ExportEventArgs } from './dto/event-mutation.args.js';
import { EventArgs, EventsArgs } from './dto/events.args.js';
import { EventConnection } from './event-connection.model.js';
import { eventSpeakers, filteredAgenda, keySpeakers } from '../domain/event-graph.js';
import { EventLinksService } from '../reading/event-links.service.js';
import { EventUrls } from './event-urls.model.js';
import type { EventView } from '../domain/event-view.js';
import { EventModel } from './event.model.js';
import { EventsService } from '../reading/events.service.js';
import type { ParticipationStatus } from '../domain/event-enums.js';

@Resolver(() => EventModel)
export class EventsResolver {
  constructor(
    private readonly eventsService: EventsService,
    private readonly links: EventLinksService,
  ) {}

  @Query(() => EventConnection)
  events(@Args() args: EventsArgs, @Context() ctx: GraphQLContext, @Info() info: GraphQLResolveInfo) {
    return this.eventsService.list(ctx.viewer, args, ctx.loaders, selectsField(info, 'totalCount'));
  }

  @Query(() => EventModel, {
    nullable: true,
    description: "By slug or by id; null when absent or not visible to the caller. With preview, a link's draft.",
  })
  async event(@Args() args: EventArgs, @Context() ctx: GraphQLContext) {
    // A preview is its secret holder's alone: never public, never cached, never indexed.
    if (args.preview != null) ctx.answer?.preview();
    const view = await this.eventsService.findOne(ctx.viewer, args, ctx.loaders);
    ctx.answer?.event(args, view);
    return view;
  }

  @Query(() => JSONScalar, {
    nullable: true,
    description: 'The event as an event document (see event-document.schema.json). Editors see drafts.',
  })
  exportEvent(@Args() { slug }: ExportEventArgs, @Context() ctx: GraphQLContext) {
    return this.eventsService.exportDocument(ctx.viewer, slug);
  }

  @ResolveField(() => [AgendaItem], { description: 'In running order; roomSlug and tags narrow it down.' })
  async agenda(@Parent() event: EventView, @Args() filter: AgendaArgs, @Context() ctx: GraphQLContext) {
    return filteredAgenda(await this.eventsService.whole(event, ctx.loaders), filter);
  }

  @ResolveField(() => [Room], { description: "The venue's rooms, in order." })
  async rooms(event: EventView, _args: unknown, ctx: GraphQLContext) {
    return (await this.eventsService.whole(event, ctx.loaders)).rooms;
  }

  @ResolveField(() => [EventSpeaker])
  @FieldArgs({ status: { type: () => [ParticipationStatusEnum], nullable: true } })
  async speakers(event: EventView, { status }: { status?: ParticipationStatus[] | null }, ctx: GraphQLContext) {
    return eventSpeakers(await this.eventsService.whole(event, ctx.loaders), status);
  }

  @ResolveField(() => [EventSpeaker], { description: 'Featured speakers whose status is CONFIRMED.' })
  async keySpeakers(event: EventView, _args: unknown, ctx: GraphQLContext) {
    return keySpeakers(await this.eventsService.whole(event, ctx.loaders));
  }

  @ResolveField(() => [EventModel], { description: 'Other published events a reader may also like, best first.' })
  @FieldArgs({ first: { type: () => Int, nullable: true, defaultValue: 3 } })
  relatedEvents(event: EventView, { first }: { first: number }, ctx: GraphQLContext) {
    ctx.answer?.lists();
    return ctx.loaders.relatedEvents.load({ event, first });
  }

  @ResolveField(() => JSONScalar, { description: 'schema.org Event as JSON-LD.' })
  async jsonLd(event: EventView, _args: unknown, ctx: GraphQLContext) {
    return this.links.jsonLd(await this.eventsService.whole(event, ctx.loaders));
  }

  @ResolveField(() => EventUrls)
  urls(event: EventView) {
    return this.links.urls(event);
  }
}
