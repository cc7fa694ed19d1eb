import { Module } from '@nestjs/common';
import { WebhooksModule } from '../webhooks/webhooks.module.js';
import { EventChangesService } from './event-changes.service.js';
import { EventDocumentsService } from './event-documents.service.js';
import { EventEditorService } from './event-editor.service.js';
import { EventMutationsResolver } from './event-mutations.resolver.js';
import { EventLinksService } from './event-links.service.js';
import { EventPublisher } from './event-publisher.js';
import { EventSubscriptionsResolver } from './event-subscriptions.resolver.js';
import { EventViewsRepository } from './event-views.repository.js';
import { EventWriter } from './event-writer.service.js';
import { EventsResolver } from './events.resolver.js';
import { EventsService } from './events.service.js';
import { SectorEventsResolver } from './sector-events.resolver.js';

@Module({
  imports: [WebhooksModule],
  providers: [
    EventViewsRepository,
    EventPublisher,
    EventWriter,
    EventDocumentsService,
    EventsService,
    EventLinksService,
    EventsResolver,
    SectorEventsResolver,
    EventEditorService,
    EventMutationsResolver,
    EventChangesService,
    EventSubscriptionsResolver,
  ],
  exports: [EventViewsRepository, EventDocumentsService, EventsService, EventWriter, EventLinksService],
})
export class EventsModule {}
