import { Injectable, NotFoundException } from '@nestjs/common';
import type { EventView } from '../events/domain/event-view.js';
import { EventViewsRepository } from '../events/data/event-views.repository.js';
import { SLUG_PATTERN } from '../common/validation/fields.js';

/** The one read every partner endpoint makes: the published snapshot of an event, or 404. */
@Injectable()
export class PublishedEventsService {
  constructor(private readonly views: EventViewsRepository) {}

  /**
   * Unknown, draft-only and deleted events are all simply not found: nothing tells them apart. Nor what is no slug
   * at all (a NUL in the path would otherwise fail in PostgreSQL).
   */
  async bySlug(slug: string): Promise<EventView> {
    const [view] = SLUG_PATTERN.test(slug) ? await this.views.findPublished({ slug }) : [];
    if (!view) throw new NotFoundException(`No published event "${slug}"`);
    return view;
  }
}
