import { UseGuards } from '@nestjs/common';
import { Args, Context, Mutation, Query, Resolver } from '@nestjs/graphql';
import { SignedInGuard } from '../auth/signed-in.guard.js';
import type { GraphQLContext } from '../graphql/graphql-context.js';
import { CreateWebhookArgs, UpdateWebhookArgs, WebhookDeliveriesArgs, WebhookVersionArgs } from './dto/webhook.args.js';
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

  @Mutation(() => Webhook, { description: 'Admins only: where it sends or what it hears; the secret stays.' })
  updateWebhook(@Args() { id, expectedVersion, ...input }: UpdateWebhookArgs, @Context() ctx: GraphQLContext) {
    return this.service.update(ctx.viewer, id, input, expectedVersion);
  }

  @Mutation(() => Boolean, { description: 'Admins only: the webhook and its delivery log.' })
  deleteWebhook(@Args() { id, expectedVersion }: WebhookVersionArgs, @Context() ctx: GraphQLContext) {
    return this.service.delete(ctx.viewer, id, expectedVersion);
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
