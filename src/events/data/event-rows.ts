import type { EntityManager } from 'typeorm';
import { DomainError, NotFoundError, StaleVersionError } from '../../common/errors/domain-error.js';
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
  const [current]: { version: number; deleted: boolean }[] = await manager.query(
    `SELECT version, deleted_at IS NOT NULL AS deleted FROM events WHERE id = $1`,
    [eventId],
  );
  if (!current) throw new NotFoundError('Event');
  if (current.deleted) throw deletedEventError();
  throw new StaleVersionError('event', expectedVersion, current.version);
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

/** NOT_FOUND for a change to a deleted event, saying how it comes back. */
export const deletedEventError = () =>
  new DomainError('NOT_FOUND', 'The event is deleted; an editor can bring it back with restoreDeletedEvent', {
    deleted: true,
  });

/** Soft delete: the slug becomes free; the revisions stay. */
export async function markDeleted(manager: EntityManager, eventId: string): Promise<void> {
  await manager.query(`UPDATE events SET deleted_at = now(), publication_state = 'DRAFT' WHERE id = $1`, [eventId]);
}

/** An event's slug and whether it is deleted, locked until the transaction ends; undefined when there is none. */
export async function lockEvent(
  manager: EntityManager,
  eventId: string,
): Promise<{ slug: string; deleted: boolean } | undefined> {
  const [row]: { slug: string; deleted: boolean }[] = await manager.query(
    `SELECT slug, deleted_at IS NOT NULL AS deleted FROM events WHERE id = $1 FOR UPDATE`,
    [eventId],
  );
  return row;
}

/** Undelete: the event is live again, as a draft, under `slug`, at a new version. */
export async function markRestored(manager: EntityManager, eventId: string, slug: string): Promise<void> {
  await manager.query(
    `UPDATE events SET deleted_at = NULL, slug = $2, publication_state = 'DRAFT', version = version + 1,
            updated_at = now()
      WHERE id = $1`,
    [eventId, slug],
  );
}

/** Deleted events, most recently deleted first, with whether their slug has been taken since. */
export function deletedEvents(manager: EntityManager, first: number): Promise<DeletedEventRow[]> {
  return manager.query(
    `SELECT e.id, e.slug, e.title, e.starts_at AS "startsAt", e.ends_at AS "endsAt", e.version,
            e.deleted_at AS "deletedAt",
            EXISTS (SELECT 1 FROM events o WHERE o.slug = e.slug AND o.deleted_at IS NULL)
              OR EXISTS (SELECT 1 FROM event_publications p WHERE p.slug = e.slug) AS "slugTaken"
       FROM events e
      WHERE e.deleted_at IS NOT NULL
      ORDER BY e.deleted_at DESC, e.id
      LIMIT $1`,
    [first],
  );
}

export interface DeletedEventRow {
  id: string;
  slug: string;
  title: string;
  startsAt: Date;
  endsAt: Date;
  version: number;
  deletedAt: Date;
  slugTaken: boolean;
}
