import { Module } from '@nestjs/common';
import { WebhookDispatcher } from './webhook-dispatcher.service.js';
import { WebhookOutbox } from './webhook-outbox.js';
import { WebhooksResolver } from './webhooks.resolver.js';
import { WebhooksService } from './webhooks.service.js';

@Module({
  providers: [WebhookOutbox, WebhooksService, WebhooksResolver, WebhookDispatcher],
  exports: [WebhookOutbox],
})
export class WebhooksModule {}
