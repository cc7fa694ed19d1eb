import { Module } from '@nestjs/common';
import { SpeakersModule } from '../speakers/speakers.module.js';
import { EventPublisher } from './data/event-publisher.js';
import { EventViewsRepository } from './data/event-views.repository.js';
import { PublishedViewCache } from './data/published-view-cache.js';
import { PublishedLists } from './reading/published-lists.js';
import { WorkingViewCache } from './data/working-view-cache.js';
import { PublicationScheduler } from './editing/publication-scheduler.service.js';
import { AgendaEditorService } from './editing/agenda-editor.service.js';
import { AppearanceEditorService } from './editing/appearance-editor.service.js';
import { EventEditorService } from './editing/event-editor.service.js';
import { EventWriter } from './editing/event-writer.service.js';
import { RoomEditorService } from './editing/room-editor.service.js';
import { AgendaItemResolver } from './graphql/agenda-item.resolver.js';
import { AgendaMutationsResolver } from './graphql/agenda-mutations.resolver.js';
import { AppearanceMutationsResolver } from './graphql/appearance-mutations.resolver.js';
import { EventMutationsResolver } from './graphql/event-mutations.resolver.js';
import { EventsResolver } from './graphql/events.resolver.js';
import { RoomMutationsResolver } from './graphql/room-mutations.resolver.js';
import { SectorEventsResolver } from './graphql/sector-events.resolver.js';
import { SpeakerAppearancesResolver } from './graphql/speaker-appearances.resolver.js';
import { AppearancesService } from './reading/appearances.service.js';
import { EventLinksService } from './reading/event-links.service.js';
import { EventsService } from './reading/events.service.js';

/**
 * The event aggregate: an event with its sectors, rooms, roster, agenda items and appearances, read and written as one
 * document (domain/ the pure rules, data/ its SQL, editing/ and reading/ the services, graphql/ the API on top).
 */
@Module({
  imports: [SpeakersModule],
  providers: [
    EventViewsRepository,
    WorkingViewCache,
    PublishedViewCache,
    PublishedLists,
    PublicationScheduler,
    EventPublisher,
    EventWriter,
    EventEditorService,
    AgendaEditorService,
    AppearanceEditorService,
    RoomEditorService,
    EventsService,
    AppearancesService,
    EventLinksService,
    EventsResolver,
    EventMutationsResolver,
    AgendaItemResolver,
    AgendaMutationsResolver,
    AppearanceMutationsResolver,
    RoomMutationsResolver,
    SectorEventsResolver,
    SpeakerAppearancesResolver,
  ],
  exports: [
    EventViewsRepository,
    EventsService,
    AppearancesService,
    EventWriter,
    EventLinksService,
    AgendaEditorService,
    AppearanceEditorService,
  ],
})
export class EventsModule {}
