import { Module } from '@nestjs/common';
import { EventsModule } from '../events/events.module.js';
import { PreviewLinksResolver } from './preview-links.resolver.js';
import { PreviewLinksService } from './preview-links.service.js';

/**
 * Preview links: editors share an event's working copy, read-only, with whoever holds the secret. Reading through
 * one (previewed-event.ts) is the `event` query's and the embed page's.
 */
@Module({
  imports: [EventsModule],
  providers: [PreviewLinksService, PreviewLinksResolver],
})
export class PreviewsModule {}
