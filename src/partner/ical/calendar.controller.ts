import { Controller, Get, Param, Req, Res } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { FeedReplies } from '../feed-replies.js';
import { CalendarService } from './calendar.service.js';

@Controller('events')
export class CalendarController {
  constructor(
    private readonly calendars: CalendarService,
    private readonly replies: FeedReplies,
  ) {}

  /** GET /events/{slug}.ics: the event and its timed agenda items as iCalendar. */
  @Get(':slug.ics')
  async ics(@Param('slug') slug: string, @Req() request: FastifyRequest, @Res() reply: FastifyReply) {
    return this.replies.send(request, reply, 'text/calendar; charset=utf-8', await this.calendars.ics(slug));
  }
}
