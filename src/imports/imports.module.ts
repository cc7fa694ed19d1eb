import { Module } from '@nestjs/common';
import { EventsModule } from '../events/events.module.js';
import { EventDocumentImportResolver } from './documents/event-document-import.resolver.js';
import { EventDocumentImportService } from './documents/event-document-import.service.js';
import { ScheduleImportResolver } from './frab/schedule-import.resolver.js';
import { ScheduleImportService } from './frab/schedule-import.service.js';

/**
 * Importing whole events, one importer for every source: event documents in `documents/` (importEvent, the demo
 * content), frab/c3voc schedules (pretalx, frab) in `frab/` (importSchedule); the import CLI (import-cli.ts) reads
 * both. Each ends in the event aggregate's one write funnel.
 */
@Module({
  imports: [EventsModule],
  providers: [EventDocumentImportService, EventDocumentImportResolver, ScheduleImportService, ScheduleImportResolver],
  exports: [EventDocumentImportService, ScheduleImportService],
})
export class ImportsModule {}
