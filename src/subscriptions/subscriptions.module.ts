import { Module } from '@nestjs/common';
import { EventsModule } from '../events/events.module.js';
import { EventChangesService } from './event-changes.service.js';
import { EventSubscriptionsResolver } from './event-subscriptions.resolver.js';

/** Subscription.eventChanged: listens to the events' change notices (NOTIFY) on every replica. */
@Module({
  imports: [EventsModule],
  providers: [EventChangesService, EventSubscriptionsResolver],
})
export class SubscriptionsModule {}
