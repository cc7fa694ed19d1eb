import { Injectable } from '@nestjs/common';
import { AppConfig } from '../../config/app-config.js';
import { EventLinksService } from '../../events/reading/event-links.service.js';
import type { Feed } from '../feed-replies.js';
import { buildSchedule } from './schedule-builder.js';
import { scheduleXml } from './schedule-xml-writer.js';
import { PublishedEventsService } from '../published-events.service.js';

/** frab/c3voc schedules of published events, for conference apps. */
@Injectable()
export class ScheduleService {
  private readonly base: string;

  constructor(
    config: AppConfig,
    private readonly events: PublishedEventsService,
    private readonly links: EventLinksService,
  ) {
    this.base = `${config.publicBase}/`;
  }

  async json(slug: string): Promise<Feed> {
    const event = await this.events.bySlug(slug);
    return {
      event,
      body: JSON.stringify(buildSchedule(event, { base: this.base, embed: this.links.urls(event).embed })),
    };
  }

  async xml(slug: string): Promise<Feed> {
    const event = await this.events.bySlug(slug);
    const urls = this.links.urls(event);
    const self = urls.scheduleJson.replace(/\.json$/, '.xml');
    return { event, body: scheduleXml(buildSchedule(event, { base: this.base, embed: urls.embed }), self) };
  }
}
