import type { EntityManager } from 'typeorm';

/** Table `event_sectors`: the sectors an event is for, in order. Replaced whole when the list changes. */
export async function replaceEventSectors(manager: EntityManager, eventId: string, sectorIds: string[]): Promise<void> {
  await manager.query(`DELETE FROM event_sectors WHERE event_id = $1`, [eventId]);
  if (sectorIds.length === 0) return;
  await manager.query(
    `INSERT INTO event_sectors (event_id, sector_id, position)
     SELECT $1, x.sector_id, x.position FROM jsonb_to_recordset($2::jsonb) AS x(sector_id uuid, position int)`,
    [eventId, JSON.stringify(sectorIds.map((sector_id, position) => ({ sector_id, position })))],
  );
}
