import type { EntityManager } from 'typeorm';
import { EVENT_CHANGES_CHANNEL, type EventChangeNotice, type EventChangeSignal } from '../domain/event-change.js';

/** Writes a change notice in the caller's transaction and NOTIFYs it, so it exists and is heard exactly on commit. */
export async function recordChange(manager: EntityManager, notice: EventChangeNotice): Promise<void> {
  const [{ id }]: { id: string }[] = await manager.query(
    `INSERT INTO event_changes (kind, event_id, slug, version, action, document)
     VALUES ($1, $2, $3, $4, $5, $6) RETURNING id::text`,
    [notice.kind, notice.eventId, notice.slug, notice.version, notice.action, JSON.stringify(notice.document)],
  );
  const signal: EventChangeSignal = {
    id,
    kind: notice.kind,
    eventId: notice.eventId,
    slug: notice.slug,
    version: notice.version,
  };
  await manager.query(`SELECT pg_notify($1, $2)`, [EVENT_CHANGES_CHANNEL, JSON.stringify(signal)]);
}
