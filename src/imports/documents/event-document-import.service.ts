import { Injectable } from '@nestjs/common';
import { requireRole } from '../../auth/roles.js';
import type { Viewer } from '../../auth/viewer.js';
import type { EventView } from '../../events/domain/event-view.js';
import { EventWriter } from '../../events/editing/event-writer.service.js';

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
export class EventDocumentImportService {
  constructor(private readonly writer: EventWriter) {}

  importDocument(input: unknown, options: ImportOptions): Promise<EventView> {
    return this.writer.replaceBySlug(input, {
      action: 'imported',
      authorId: options.authorId,
      publication: options.publish ? 'publish' : 'keep',
      references: options.updateShared === false ? 'insert' : 'upsert',
      expectedVersion: options.expectedVersion,
    });
  }

  /** importEvent: contributors import drafts that add speakers; editors may publish and update shared records. */
  importEvent(
    viewer: Viewer | null,
    document: unknown,
    publish: boolean,
    expectedVersion: number | null = null,
  ): Promise<EventView> {
    const author = requireRole(viewer, publish ? 'EDITOR' : 'CONTRIBUTOR', publish ? 'import and publish' : 'import');
    return this.importDocument(document, {
      publish,
      authorId: author.id,
      updateShared: author.role !== 'CONTRIBUTOR',
      expectedVersion,
    });
  }
}
