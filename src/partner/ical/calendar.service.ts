import { Injectable } from '@nestjs/common';
import { AppConfig } from '../../config/app-config.js';
import { EventLinksService } from '../../events/reading/event-links.service.js';
import { buildCalendar } from './calendar-builder.js';
import type { Feed } from '../feed-replies.js';
import { PublishedEventsService } from '../published-events.service.js';

/** iCalendar feeds of published events. */
@Injectable()
export class CalendarService {
  private readonly host: string;

  constructor(
    config: AppConfig,
    private readonly events: PublishedEventsService,
    private readonly links: EventLinksService,
  ) {
    this.host = config.publicUrl.hostname;
  }

  async ics(slug: string): Promise<Feed> {
    const event = await this.events.bySlug(slug);
    return { event, body: buildCalendar(event, { embed: this.links.urls(event).embed, host: this.host }) };
  }
}
