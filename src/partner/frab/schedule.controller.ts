import { Controller, Get, Param, Req, Res } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { FeedReplies } from '../feed-replies.js';
import { ScheduleService } from './schedule.service.js';

@Controller('events/:slug')
export class ScheduleController {
  constructor(
    private readonly schedules: ScheduleService,
    private readonly replies: FeedReplies,
  ) {}

  /** GET /events/{slug}/schedule.json: frab/c3voc schedule.json. */
  @Get('schedule.json')
  async json(@Param('slug') slug: string, @Req() request: FastifyRequest, @Res() reply: FastifyReply) {
    return this.replies.send(request, reply, 'application/json; charset=utf-8', await this.schedules.json(slug));
  }

  /** GET /events/{slug}/schedule.xml: the same schedule as frab/c3voc schedule.xml. */
  @Get('schedule.xml')
  async xml(@Param('slug') slug: string, @Req() request: FastifyRequest, @Res() reply: FastifyReply) {
    return this.replies.send(request, reply, 'application/xml; charset=utf-8', await this.schedules.xml(slug));
  }
}
