import { UseGuards } from '@nestjs/common';
import { Args, Context, Mutation, Query, Resolver } from '@nestjs/graphql';
import { SignedInGuard } from '../auth/signed-in.guard.js';
import type { GraphQLContext } from '../graphql/graphql-context.js';
import { CreateWebhookArgs, WebhookDeliveriesArgs } from './dto/webhook.args.js';
import { Webhook, WebhookDelivery } from './webhook.model.js';
import { WebhooksService } from './webhooks.service.js';

@UseGuards(SignedInGuard)
@Resolver(() => Webhook)
export class WebhooksResolver {
  constructor(private readonly service: WebhooksService) {}

  @Mutation(() => Webhook, { description: 'Admins only.' })
  createWebhook(@Args() { url, events }: CreateWebhookArgs, @Context() ctx: GraphQLContext) {
    return this.service.create(ctx.viewer, url, events);
  }

  @Query(() => [Webhook], { description: 'Admins only. Secrets are never shown again.' })
  webhooks(@Context() ctx: GraphQLContext) {
    return this.service.list(ctx.viewer);
  }

  @Query(() => [WebhookDelivery], { description: 'Editors: the delivery log, newest first.' })
  webhookDeliveries(@Args() { webhookId, first }: WebhookDeliveriesArgs, @Context() ctx: GraphQLContext) {
    return this.service.deliveries(ctx.viewer, webhookId, first);
  }
}
