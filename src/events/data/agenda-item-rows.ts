import type { EntityManager } from 'typeorm';
import type { AgendaItemRow } from '../domain/event-rows.js';

/** Table `agenda_items`: an event's items, keeping their ids (calendar UIDs, schedule guids) across edits. */

/** Which of these item ids other events hold, and whether those events are live. */
export async function itemsHeldElsewhere(
  manager: EntityManager,
  ids: readonly string[],
  eventId: string,
): Promise<{ id: string; live: boolean }[]> {
  if (ids.length === 0) return [];
  return manager.query(
    `SELECT ai.id, e.deleted_at IS NULL AS live FROM agenda_items ai JOIN events e ON e.id = ai.event_id
      WHERE ai.id = ANY($1::uuid[]) AND ai.event_id <> $2`,
    [ids, eventId],
  );
}

export async function deleteAgendaItems(manager: EntityManager, eventId: string, ids: readonly string[]) {
  if (ids.length === 0) return;
  await manager.query(`DELETE FROM agenda_items WHERE event_id = $1 AND id = ANY($2::uuid[])`, [eventId, ids]);
}

/** Writes these items (new, changed, or moved here from a deleted event): only they get a new updated_at. */
export async function upsertAgendaItems(manager: EntityManager, eventId: string, rows: readonly AgendaItemRow[]) {
  if (rows.length === 0) return;
  await manager.query(
    `INSERT INTO agenda_items (id, event_id, position, type, label, title, starts_at, ends_at, track, room_id,
                               key_points, notes, tags, level, language, links, sequence)
     SELECT x.id, $1, x.position, x.type, x.label, x.title, x.starts_at, x.ends_at, x.track, x.room_id,
            x.key_points, x.notes, x.tags, x.level, x.language, x.links, x.sequence
       FROM jsonb_to_recordset($2::jsonb) AS x(id uuid, position int, type text, label text, title text,
            starts_at timestamptz, ends_at timestamptz, track text, room_id uuid, key_points text[], notes text,
            tags text[], level text, language text, links jsonb, sequence int)
     ON CONFLICT (id) DO UPDATE SET event_id = EXCLUDED.event_id, position = EXCLUDED.position,
       type = EXCLUDED.type, label = EXCLUDED.label,
       title = EXCLUDED.title, starts_at = EXCLUDED.starts_at, ends_at = EXCLUDED.ends_at, track = EXCLUDED.track,
       room_id = EXCLUDED.room_id, key_points = EXCLUDED.key_points, notes = EXCLUDED.notes, tags = EXCLUDED.tags,
       level = EXCLUDED.level, language = EXCLUDED.language, links = EXCLUDED.links, sequence = EXCLUDED.sequence,
       updated_at = now()`,
    [eventId, JSON.stringify(rows)],
  );
}
