import type { EntityManager } from 'typeorm';

/** One row of preview_links, as the service reads it. */
export interface PreviewLinkRow {
  id: string;
  eventId: string;
  expiresAt: Date;
  revokedAt: Date | null;
  createdAt: Date;
}

/** Table `preview_links`: one statement each. */

const COLUMNS = `p.id, p.event_id AS "eventId", p.expires_at AS "expiresAt", p.revoked_at AS "revokedAt",
  p.created_at AS "createdAt"`;

export async function insertPreviewLink(
  manager: EntityManager,
  values: { secretHash: Buffer; eventId: string; expiresAt: Date; createdBy: string },
): Promise<PreviewLinkRow> {
  const [row]: PreviewLinkRow[] = await manager.query(
    `INSERT INTO preview_links AS p (secret_hash, event_id, expires_at, created_by)
     SELECT $1, e.id, $3, $4 FROM events e WHERE e.id = $2 AND e.deleted_at IS NULL
     RETURNING ${COLUMNS}`,
    [values.secretHash, values.eventId, values.expiresAt, values.createdBy],
  );
  return row;
}

/** A read on the primary (a revocation counts at once): EntityManager.query, or PublicReads.queryFor(true, ...). */
export type PrimaryQuery = <T>(sql: string, params: unknown[]) => Promise<T>;

/** The link whose secret has this hash, if any. */
export async function previewLinkByHash(query: PrimaryQuery, hash: Buffer): Promise<PreviewLinkRow | undefined> {
  const [row] = await query<PreviewLinkRow[]>(`SELECT ${COLUMNS} FROM preview_links p WHERE p.secret_hash = $1`, [
    hash,
  ]);
  return row;
}

/** An event's links, newest first. */
export function previewLinksOfEvent(manager: EntityManager, eventId: string): Promise<PreviewLinkRow[]> {
  return manager.query(
    `SELECT ${COLUMNS} FROM preview_links p WHERE p.event_id = $1 ORDER BY p.created_at DESC, p.id`,
    [eventId],
  );
}

/** Revokes a link (once: a second revocation keeps the first time); undefined when there is none. */
export async function revokePreviewLink(manager: EntityManager, id: string): Promise<PreviewLinkRow | undefined> {
  const [row]: PreviewLinkRow[] = await manager.query(
    `WITH p AS (UPDATE preview_links SET revoked_at = coalesce(revoked_at, now()) WHERE id = $1 RETURNING *)
     SELECT ${COLUMNS} FROM p`,
    [id],
  );
  return row;
}
