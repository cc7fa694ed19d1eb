import { Injectable } from '@nestjs/common';
import { AppConfig } from '../../config/app-config.js';
import { eventJsonLd } from '../domain/event-json-ld.js';
import type { EventView } from '../domain/event-view.js';

/** Absolute links to an event's partner endpoints, built from PUBLIC_URL, and its JSON-LD. */
@Injectable()
export class EventLinksService {
  private readonly base: string;

  constructor(config: AppConfig) {
    this.base = config.publicBase;
  }

  urls(event: EventView) {
    const slug = encodeURIComponent(event.slug);
    return {
      ics: `${this.base}/events/${slug}.ics`,
      scheduleJson: `${this.base}/events/${slug}/schedule.json`,
      embed: `${this.base}/embed/events/${slug}`,
    };
  }

  jsonLd(event: EventView): Record<string, unknown> {
    return eventJsonLd(event, this.urls(event).embed);
  }
}
