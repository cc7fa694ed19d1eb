import { Module } from '@nestjs/common';
import { EventsModule } from '../events/events.module.js';
import { CalendarController } from './calendar.controller.js';
import { CalendarService } from './calendar.service.js';
import { EmbedController } from './embed.controller.js';
import { EmbedService } from './embed.service.js';
import { PublishedEventsService } from './published-events.service.js';
import { ScheduleController } from './schedule.controller.js';
import { ScheduleService } from './schedule.service.js';

/**
 * Read-only partner endpoints over published snapshots: iCalendar, frab/c3voc schedules, the embeddable page and
 * the <agenda-embed> web component.
 */
@Module({
  imports: [EventsModule],
  controllers: [CalendarController, ScheduleController, EmbedController],
  providers: [PublishedEventsService, CalendarService, ScheduleService, EmbedService],
})
export class PartnerModule {}
