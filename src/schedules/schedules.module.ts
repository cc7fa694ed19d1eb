import { Module } from '@nestjs/common';
import { EventsModule } from '../events/events.module.js';
import { ScheduleImportService } from './schedule-import.service.js';
import { SchedulesResolver } from './schedules.resolver.js';

/** Importing frab/c3voc schedules (pretalx, frab): the importSchedule mutation and the import CLI. */
@Module({
  imports: [EventsModule],
  providers: [ScheduleImportService, SchedulesResolver],
  exports: [ScheduleImportService],
})
export class SchedulesModule {}
