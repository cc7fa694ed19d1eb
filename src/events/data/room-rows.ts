import type { EntityManager } from 'typeorm';
import type { RoomRow } from '../domain/event-rows.js';

/** Table `event_rooms`: an event's rooms, keeping their ids (schedule guids) across edits. */

/** Which of these room ids other events hold, and whether those events are live. */
export async function roomsHeldElsewhere(
  manager: EntityManager,
  ids: readonly string[],
  eventId: string,
): Promise<{ id: string; live: boolean }[]> {
  if (ids.length === 0) return [];
  return manager.query(
    `SELECT r.id, e.deleted_at IS NULL AS live FROM event_rooms r JOIN events e ON e.id = r.event_id
      WHERE r.id = ANY($1::uuid[]) AND r.event_id <> $2`,
    [ids, eventId],
  );
}

/**
 * Writes these rooms (new, changed, or moved here from a deleted event, whose items then leave them): only they
 * get a new updated_at.
 */
export async function upsertRooms(manager: EntityManager, eventId: string, rows: readonly RoomRow[]) {
  if (rows.length === 0) return;
  await manager.query(`UPDATE agenda_items SET room_id = NULL WHERE room_id = ANY($2::uuid[]) AND event_id <> $1`, [
    eventId,
    rows.map((r) => r.id),
  ]);
  await manager.query(
    `INSERT INTO event_rooms (id, event_id, position, slug, name, capacity, floor, description)
     SELECT x.id, $1, x.position, x.slug, x.name, x.capacity, x.floor, x.description
       FROM jsonb_to_recordset($2::jsonb)
         AS x(id uuid, position int, slug text, name text, capacity int, floor text, description text)
     ON CONFLICT (id) DO UPDATE SET event_id = EXCLUDED.event_id, position = EXCLUDED.position,
       slug = EXCLUDED.slug, name = EXCLUDED.name, capacity = EXCLUDED.capacity, floor = EXCLUDED.floor,
       description = EXCLUDED.description, updated_at = now()`,
    [eventId, JSON.stringify(rows)],
  );
}

/** Deletes rooms no agenda item names any more (the items are written first). */
export async function deleteRooms(manager: EntityManager, eventId: string, ids: readonly string[]) {
  if (ids.length === 0) return;
  await manager.query(`DELETE FROM event_rooms WHERE event_id = $1 AND id = ANY($2::uuid[])`, [eventId, ids]);
}
