import type { EntityManager } from 'typeorm';
import type { ParticipationStatus, SpeakerRole } from '../domain/event-view.js';

/** Table `session_speakers`: one row per speaker per agenda item. */
export interface StoredAppearance {
  agenda_item_id: string;
  speaker_id: string;
  position: number;
  role: SpeakerRole;
  status: ParticipationStatus;
}

/** Removes appearances by their key "agendaItemId|speakerId". */
export async function deleteAppearances(manager: EntityManager, keys: readonly string[]) {
  if (keys.length === 0) return;
  const pairs = keys.map((key) => {
    const [agenda_item_id, speaker_id] = key.split('|');
    return { agenda_item_id, speaker_id };
  });
  await manager.query(
    `DELETE FROM session_speakers ss USING jsonb_to_recordset($1::jsonb) AS x(agenda_item_id uuid, speaker_id uuid)
      WHERE ss.agenda_item_id = x.agenda_item_id AND ss.speaker_id = x.speaker_id`,
    [JSON.stringify(pairs)],
  );
}

/** Every appearance of these items, for items that arrive with rows of another (deleted) event. */
export async function clearAppearances(manager: EntityManager, itemIds: readonly string[]) {
  if (itemIds.length === 0) return;
  await manager.query(`DELETE FROM session_speakers WHERE agenda_item_id = ANY($1::uuid[])`, [itemIds]);
}

export async function upsertAppearances(manager: EntityManager, rows: readonly StoredAppearance[]) {
  if (rows.length === 0) return;
  await manager.query(
    `INSERT INTO session_speakers (agenda_item_id, speaker_id, position, role, status)
     SELECT x.agenda_item_id, x.speaker_id, x.position, x.role, x.status
       FROM jsonb_to_recordset($1::jsonb) AS x(agenda_item_id uuid, speaker_id uuid, position int, role text, status text)
     ON CONFLICT (agenda_item_id, speaker_id) DO UPDATE SET position = EXCLUDED.position, role = EXCLUDED.role,
       status = EXCLUDED.status`,
    [JSON.stringify(rows)],
  );
}
