import { Module } from '@nestjs/common';
import { EventDocumentsService } from './event-documents.service.js';
import { EventLinksService } from './event-links.service.js';
import { EventPublisher } from './event-publisher.js';
import { EventViewsRepository } from './event-views.repository.js';
import { EventsResolver } from './events.resolver.js';
import { EventsService } from './events.service.js';
import { SectorEventsResolver } from './sector-events.resolver.js';

@Module({
  providers: [
    EventViewsRepository,
    EventPublisher,
    EventDocumentsService,
    EventsService,
    EventLinksService,
    EventsResolver,
    SectorEventsResolver,
  ],
  exports: [EventViewsRepository, EventDocumentsService, EventsService],
})
export class EventsModule {}
