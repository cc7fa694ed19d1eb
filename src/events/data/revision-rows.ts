import type { EntityManager } from 'typeorm';
import { toDocument } from '../domain/event-document.js';
import type { EventView } from '../domain/event-view.js';

/** Table `event_revisions`: the whole document at every version, with what happened and who did it. */
export async function insertRevision(
  manager: EntityManager,
  view: EventView,
  action: string,
  authorId: string | null,
): Promise<void> {
  await manager.query(
    `INSERT INTO event_revisions (event_id, revision, action, author_id, document) VALUES ($1, $2, $3, $4, $5)`,
    [view.id, view.version, action, authorId, JSON.stringify(toDocument(view))],
  );
}
