import { Controller, Get, Header, Param } from '@nestjs/common';
import type { FrabSchedule } from './schedule-builder.js';
import { ScheduleService } from './schedule.service.js';

@Controller('events/:slug')
export class ScheduleController {
  constructor(private readonly schedules: ScheduleService) {}

  /** GET /events/{slug}/schedule.json: frab/c3voc schedule.json. */
  @Get('schedule.json')
  @Header('Content-Type', 'application/json; charset=utf-8')
  @Header('Cache-Control', 'public, max-age=60')
  json(@Param('slug') slug: string): Promise<FrabSchedule> {
    return this.schedules.json(slug);
  }

  /** GET /events/{slug}/schedule.xml: the same schedule as frab/c3voc schedule.xml. */
  @Get('schedule.xml')
  @Header('Content-Type', 'application/xml; charset=utf-8')
  @Header('Cache-Control', 'public, max-age=60')
  xml(@Param('slug') slug: string): Promise<string> {
    return this.schedules.xml(slug);
  }
}
