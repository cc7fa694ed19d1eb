import { Controller, Get, Header, Param } from '@nestjs/common';
import { CalendarService } from './calendar.service.js';

@Controller('events')
export class CalendarController {
  constructor(private readonly calendars: CalendarService) {}

  /** GET /events/{slug}.ics: the event and its timed agenda items as iCalendar. */
  @Get(':slug.ics')
  @Header('Content-Type', 'text/calendar; charset=utf-8')
  @Header('Cache-Control', 'public, max-age=60')
  ics(@Param('slug') slug: string): Promise<string> {
    return this.calendars.ics(slug);
  }
}
