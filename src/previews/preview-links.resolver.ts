import { UseGuards } from '@nestjs/common';
import { Args, Context, Mutation, ResolveField, Resolver } from '@nestjs/graphql';
import { SignedInGuard } from '../auth/signed-in.guard.js';
import { EventModel } from '../events/graphql/event.model.js';
import type { EventView } from '../events/domain/event-view.js';
import type { GraphQLContext } from '../graphql/graphql-context.js';
import { CreatePreviewLinkArgs, PreviewLinkIdArgs } from './dto/preview-link.args.js';
import { PreviewLink } from './preview-link.model.js';
import { PreviewLinksService } from './preview-links.service.js';

@Resolver(() => EventModel)
export class PreviewLinksResolver {
  constructor(private readonly links: PreviewLinksService) {}

  @UseGuards(SignedInGuard)
  @Mutation(() => PreviewLink, {
    description:
      "Editors: a secret link to the event's working copy, read-only (event(preview:) and the embed page); " +
      'its secret and url are in this answer only.',
  })
  createPreviewLink(@Args() args: CreatePreviewLinkArgs, @Context() ctx: GraphQLContext) {
    return this.links.create(ctx.viewer, args);
  }

  @UseGuards(SignedInGuard)
  @Mutation(() => PreviewLink, { description: 'Editors: the link stops working at once.' })
  revokePreviewLink(@Args() { id }: PreviewLinkIdArgs, @Context() ctx: GraphQLContext) {
    return this.links.revoke(ctx.viewer, id);
  }

  @ResolveField(() => [PreviewLink], {
    nullable: true,
    description: "Editors only (null otherwise): the event's preview links, newest first, without their secrets.",
  })
  previewLinks(event: EventView, _args: unknown, ctx: GraphQLContext) {
    return this.links.ofEvent(ctx.viewer, event.id);
  }
}
