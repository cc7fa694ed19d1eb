import { Injectable } from '@nestjs/common';
import { AppConfig } from '../../config/app-config.js';
import { EventLinksService } from '../../events/reading/event-links.service.js';
import { renderEmbedPage } from './embed-page.js';
import { embedScript } from './embed-script.js';
import type { Feed } from '../feed-replies.js';
import { PublishedEventsService } from '../published-events.service.js';

/** The embeddable agenda page and the <agenda-embed> script. */
@Injectable()
export class EmbedService {
  private readonly script: string;

  constructor(
    config: AppConfig,
    private readonly events: PublishedEventsService,
    private readonly links: EventLinksService,
  ) {
    this.script = embedScript(config.publicUrl.origin);
  }

  /** The published agenda, or with a preview secret the working copy it opens. */
  async page(slug: string, preview?: string): Promise<Feed> {
    const event = preview === undefined ? await this.events.bySlug(slug) : await this.events.previewed(slug, preview);
    return {
      event,
      body: renderEmbedPage(event, { ics: this.links.urls(event).ics, jsonLd: this.links.jsonLd(event) }),
    };
  }

  embedJs(): string {
    return this.script;
  }
}
