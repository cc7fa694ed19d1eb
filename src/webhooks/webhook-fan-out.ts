import type { EntityManager } from 'typeorm';
import { LINK_BEARING_KINDS } from '../events/domain/event-change.js';

const BATCH = 100;

/**
 * Turns the events' change notices (table event_changes) into the durable outbox: one delivery per webhook that
 * listens to the kind of change, in the one statement that marks the notices fanned out, so each notice becomes
 * deliveries exactly once (whichever replica, or a restart, gets to it; SKIP LOCKED lets replicas share the work).
 * A notice that carries a working link (LINK_BEARING_KINDS) keeps it no longer: its deliveries have it now.
 * Returns how many notices it took.
 */
export async function fanOutChanges(manager: EntityManager): Promise<number> {
  const [{ count }]: { count: number }[] = await manager.query(
    `WITH due AS (
       SELECT id, document FROM event_changes WHERE fanned_out_at IS NULL ORDER BY id LIMIT $1
          FOR UPDATE SKIP LOCKED),
     claimed AS (
       UPDATE event_changes c SET fanned_out_at = now(),
              document = CASE WHEN c.kind = ANY($2::text[]) THEN NULL ELSE c.document END
         FROM due WHERE c.id = due.id
       RETURNING c.id, c.kind, c.event_id, c.slug, c.version, c.action, c.created_at, due.document),
     queued AS (
       INSERT INTO webhook_deliveries (webhook_id, event, payload)
       SELECT w.id, c.kind, jsonb_build_object(
                'event', c.kind, 'eventId', c.event_id, 'slug', c.slug, 'version', c.version, 'action', c.action,
                'time', to_char(c.created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'),
                'document', c.document)
         FROM claimed c JOIN webhooks w ON c.kind = ANY(w.events) AND w.created_at <= c.created_at
        ORDER BY c.id)
     SELECT count(*)::int AS count FROM claimed`,
    [BATCH, LINK_BEARING_KINDS],
  );
  return count;
}
