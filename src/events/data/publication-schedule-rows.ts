import type { EntityManager } from 'typeorm';
import type { Publication } from './event-rows.js';

/** When an event is to be published and unpublished; null for neither. */
export interface PublicationTimes {
  publishAt: Date | null;
  unpublishAt: Date | null;
}

/** Sets (or, with both null, cancels) an event's schedule, asked by `scheduledBy`. */
export async function setSchedule(
  manager: EntityManager,
  eventId: string,
  { publishAt, unpublishAt }: PublicationTimes,
  scheduledBy: string | null,
): Promise<void> {
  if (!publishAt && !unpublishAt) return cancelSchedule(manager, eventId);
  await manager.query(
    `INSERT INTO publication_schedules (event_id, publish_at, unpublish_at, scheduled_by) VALUES ($1, $2, $3, $4)
     ON CONFLICT (event_id) DO UPDATE SET publish_at = EXCLUDED.publish_at, unpublish_at = EXCLUDED.unpublish_at,
                                          scheduled_by = EXCLUDED.scheduled_by`,
    [eventId, publishAt, unpublishAt, scheduledBy],
  );
}

/** Forgets an event's schedule (it is deleted). */
export async function cancelSchedule(manager: EntityManager, eventId: string): Promise<void> {
  await manager.query(`DELETE FROM publication_schedules WHERE event_id = $1`, [eventId]);
}

/** Live events with a publish or unpublish due now (or overdue: none ran at the time), the most overdue first. */
export async function dueSchedules(manager: EntityManager, limit: number): Promise<string[]> {
  const rows: { event_id: string }[] = await manager.query(
    `SELECT ps.event_id FROM publication_schedules ps JOIN events e ON e.id = ps.event_id AND e.deleted_at IS NULL
      WHERE least(ps.publish_at, ps.unpublish_at) <= now()
      ORDER BY least(ps.publish_at, ps.unpublish_at) LIMIT $1`,
    [limit],
  );
  return rows.map((r) => r.event_id);
}

/**
 * Takes an event's due time (the publish first, when both are due), in the caller's transaction: the row stays
 * locked until it commits, so a second replica finds nothing due. Undefined when nothing is due (any more).
 */
export async function claimDue(
  manager: EntityManager,
  eventId: string,
): Promise<{ publication: Exclude<Publication, 'keep'>; scheduledBy: string | null } | undefined> {
  const [row]: { publish_due: boolean; unpublish_due: boolean; scheduled_by: string | null }[] = await manager.query(
    `SELECT coalesce(publish_at <= now(), false) AS publish_due, coalesce(unpublish_at <= now(), false) AS unpublish_due,
            scheduled_by
       FROM publication_schedules WHERE event_id = $1 FOR UPDATE`,
    [eventId],
  );
  if (!row || (!row.publish_due && !row.unpublish_due)) return undefined;
  const column = row.publish_due ? 'publish_at' : 'unpublish_at';
  await manager.query(`UPDATE publication_schedules SET ${column} = NULL WHERE event_id = $1`, [eventId]);
  await manager.query(
    `DELETE FROM publication_schedules WHERE event_id = $1 AND publish_at IS NULL AND unpublish_at IS NULL`,
    [eventId],
  );
  return { publication: row.publish_due ? 'publish' : 'unpublish', scheduledBy: row.scheduled_by };
}
