import { Injectable } from '@nestjs/common';
import { type EventDocument, toDocument } from './event-document.js';
import type { EventView } from './event-view.js';
import { EventViewsRepository } from './event-views.repository.js';
import { EventWriter } from './event-writer.service.js';

export interface ImportOptions {
  publish: boolean;
  authorId: string | null;
  /** Only editors (and first start) update existing speakers, organisations and sectors; contributors add. */
  updateShared?: boolean;
  /** Replace only this version of the existing event. */
  expectedVersion?: number | null;
}

/**
 * Whole-event documents (event-document.schema.json): import creates or replaces an event by slug, all or nothing;
 * speakers are matched by slug, organisations by name, sectors by slug, and agenda items keep their ids.
 */
@Injectable()
export class EventDocumentsService {
  constructor(
    private readonly writer: EventWriter,
    private readonly views: EventViewsRepository,
  ) {}

  importDocument(input: unknown, options: ImportOptions): Promise<EventView> {
    return this.writer.replaceBySlug(input, {
      action: 'imported',
      authorId: options.authorId,
      publication: options.publish ? 'publish' : 'keep',
      references: options.updateShared === false ? 'insert' : 'upsert',
      expectedVersion: options.expectedVersion,
    });
  }

  /** The working copy's document for editors, the published one for everyone else; null when not visible. */
  async exportDocument(slug: string, editor: boolean): Promise<EventDocument | null> {
    const [view] = editor ? await this.views.findWorking({ slug }) : await this.views.findPublished({ slug });
    return view ? toDocument(view) : null;
  }
}
