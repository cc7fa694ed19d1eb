import type { EntityManager } from 'typeorm';

/** Table `event_speakers`: everyone on an event's programme, in order. Replaced whole when the roster changes. */
export async function replaceRoster(
  manager: EntityManager,
  eventId: string,
  entries: { speakerId: string; featured: boolean }[],
): Promise<void> {
  await manager.query(`DELETE FROM event_speakers WHERE event_id = $1`, [eventId]);
  if (entries.length === 0) return;
  await manager.query(
    `INSERT INTO event_speakers (event_id, speaker_id, position, featured)
     SELECT $1, x.speaker_id, x.position, x.featured
       FROM jsonb_to_recordset($2::jsonb) AS x(speaker_id uuid, position int, featured boolean)`,
    [
      eventId,
      JSON.stringify(entries.map((e, position) => ({ speaker_id: e.speakerId, position, featured: e.featured }))),
    ],
  );
}
