import { GoneException, Injectable, NotFoundException } from '@nestjs/common';
import { InjectEntityManager } from '@nestjs/typeorm';
import type { EntityManager } from 'typeorm';
import { DomainError } from '../common/errors/domain-error.js';
import type { EventView } from '../events/domain/event-view.js';
import { EventViewsRepository } from '../events/data/event-views.repository.js';
import { SLUG_PATTERN } from '../common/validation/fields.js';
import { previewedEvent } from '../previews/previewed-event.js';

/** The one read every partner endpoint makes: the published snapshot of an event, or 404. */
@Injectable()
export class PublishedEventsService {
  constructor(
    private readonly views: EventViewsRepository,
    @InjectEntityManager() private readonly manager: EntityManager,
  ) {}

  /**
   * Unknown, draft-only and deleted events are all simply not found: nothing tells them apart. Nor what is no slug
   * at all (a NUL in the path would otherwise fail in PostgreSQL).
   */
  async bySlug(slug: string): Promise<EventView> {
    const [view] = SLUG_PATTERN.test(slug) ? await this.views.findPublished({ slug }) : [];
    if (!view) throw new NotFoundException(`No published event "${slug}"`);
    return view;
  }

  /**
   * The working copy a preview secret opens (previewed-event.ts), if it is the event of this slug: 404 for an
   * unknown secret or another event's, 410 for an expired or revoked one.
   */
  async previewed(slug: string, secret: string): Promise<EventView> {
    let view: EventView;
    try {
      view = await previewedEvent((sql, params) => this.manager.query(sql, params), this.views, secret);
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      if (error.code === 'FORBIDDEN') throw new GoneException(error.message);
      throw new NotFoundException(error.message);
    }
    if (view.slug !== slug) throw new NotFoundException('Preview link not found');
    return view;
  }
}
