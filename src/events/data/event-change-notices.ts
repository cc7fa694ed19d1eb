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

/** The id of the latest change notice, 0 when there is none: where a listener starts counting. */
export async function latestChangeId(manager: EntityManager): Promise<bigint> {
  const [{ id }]: { id: string }[] = await manager.query(`SELECT coalesce(max(id), 0)::text AS id FROM event_changes`);
  return BigInt(id);
}

/** The notices written after `id`, oldest first, as their NOTIFY announced them: for a listener that missed them. */
export function changesSince(manager: EntityManager, id: bigint): Promise<EventChangeSignal[]> {
  return manager.query(
    `SELECT id::text AS id, kind, event_id AS "eventId", slug, version FROM event_changes WHERE id > $1 ORDER BY id`,
    [id.toString()],
  );
}
