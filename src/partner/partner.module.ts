import { Module } from '@nestjs/common';
import { EventsModule } from '../events/events.module.js';
import { EmbedController } from './embed/embed.controller.js';
import { EmbedService } from './embed/embed.service.js';
import { ScheduleController } from './frab/schedule.controller.js';
import { ScheduleService } from './frab/schedule.service.js';
import { CalendarController } from './ical/calendar.controller.js';
import { CalendarService } from './ical/calendar.service.js';
import { FeedReplies } from './feed-replies.js';
import { PublishedEventsService } from './published-events.service.js';

/**
 * Read-only partner endpoints over published snapshots, one folder per format: `ical/` (the .ics), `frab/`
 * (frab/c3voc schedule.json and schedule.xml), `embed/` (the embeddable page and the <agenda-embed> web component).
 * What they share is here: the published-snapshot lookup and the plain-text pieces of the programme.
 */
@Module({
  imports: [EventsModule],
  controllers: [CalendarController, ScheduleController, EmbedController],
  providers: [PublishedEventsService, FeedReplies, CalendarService, ScheduleService, EmbedService],
})
export class PartnerModule {}
