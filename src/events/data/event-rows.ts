import type { EntityManager } from 'typeorm';
import { ConflictError, NotFoundError } from '../../common/errors/domain-error.js';
import type { EventColumns } from '../domain/event-rows.js';
import { searchVectorSql } from './event-search.js';

/** What a saved change does to the published copy: keep it as it is, publish the working copy, or unpublish. */
export type Publication = 'keep' | 'publish' | 'unpublish';

/** Table `events`: one row per event, its version the guard against lost updates. */

/** A new event row; answers its id. */
export async function insertEvent(manager: EntityManager, columns: EventColumns): Promise<string> {
  const [{ id }]: { id: string }[] = await manager.query(
    `INSERT INTO events (slug, title, starts_at, ends_at, time_zone) VALUES ($1, $2, $3, $4, $5) RETURNING id`,
    [columns.slug, columns.title, columns.startsAt, columns.endsAt, columns.timeZone],
  );
  return id;
}

/**
 * The one conditional statement that guards against lost updates: bumps the version of a live event, at
 * `expectedVersion` only when one is given (any other is a CONFLICT carrying the current version).
 */
export async function bumpVersion(
  manager: EntityManager,
  eventId: string,
  expectedVersion: number | null,
): Promise<void> {
  const rows: unknown[] = await manager.query(
    `WITH bumped AS (UPDATE events SET version = version + 1, updated_at = now()
                      WHERE id = $1 AND deleted_at IS NULL AND ($2::int IS NULL OR version = $2) RETURNING id)
     SELECT id FROM bumped`,
    [eventId, expectedVersion],
  );
  if (rows.length === 1) return;
  const [current]: { version: number }[] = await manager.query(
    `SELECT version FROM events WHERE id = $1 AND deleted_at IS NULL`,
    [eventId],
  );
  if (!current) throw new NotFoundError('Event');
  throw new ConflictError(
    `The event has changed since version ${expectedVersion}: it is at version ${current.version}. ` +
      'Reload it and apply your change again.',
    { currentVersion: current.version, expectedVersion },
  );
}

/** The id of the live event with this slug, if any. */
export async function liveEventId(manager: EntityManager, slug: string): Promise<string | undefined> {
  const [row]: { id: string }[] = await manager.query(`SELECT id FROM events WHERE slug = $1 AND deleted_at IS NULL`, [
    slug,
  ]);
  return row?.id;
}

/** Whether another live event, or another event's published copy, uses the slug. */
export async function slugTaken(manager: EntityManager, slug: string, eventId: string | null): Promise<boolean> {
  const taken: unknown[] = await manager.query(
    // A renamed event keeps its old slug in public until it is published again: that one is taken too.
    `SELECT 1 FROM events WHERE slug = $1 AND deleted_at IS NULL AND id IS DISTINCT FROM $2::uuid
     UNION ALL
     SELECT 1 FROM event_publications WHERE slug = $1 AND event_id IS DISTINCT FROM $2::uuid`,
    [slug, eventId],
  );
  return taken.length > 0;
}

/** Writes the event's own columns and, as asked, its publication state. */
export async function updateEvent(
  manager: EntityManager,
  eventId: string,
  columns: EventColumns,
  publication: Publication,
): Promise<void> {
  await manager.query(
    `UPDATE events SET slug = $2, title = $3, summary = $4, description = $5, starts_at = $6, ends_at = $7,
            time_zone = $8, venue = $9, attendance_mode = $10, status = $11, audience = $12, job_titles = $13,
            programme_note = $14, search = ${searchVectorSql('$15', '$16', '$17')},
            publication_state = CASE $18 WHEN 'publish' THEN 'PUBLISHED' WHEN 'unpublish' THEN 'DRAFT'
                                         ELSE publication_state END,
            published_at = CASE $18 WHEN 'publish' THEN now() ELSE published_at END
      WHERE id = $1`,
    [
      eventId,
      columns.slug,
      columns.title,
      columns.summary,
      columns.description,
      columns.startsAt,
      columns.endsAt,
      columns.timeZone,
      columns.venue,
      columns.attendanceMode,
      columns.status,
      columns.audience,
      columns.jobTitles,
      columns.programmeNote,
      ...columns.search,
      publication,
    ],
  );
}

/** Soft delete: the slug becomes free; the revisions stay. */
export async function markDeleted(manager: EntityManager, eventId: string): Promise<void> {
  await manager.query(`UPDATE events SET deleted_at = now(), publication_state = 'DRAFT' WHERE id = $1`, [eventId]);
}
