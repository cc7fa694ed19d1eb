import type { EntityManager } from 'typeorm';
import { NotFoundError, StaleVersionError } from '../common/errors/domain-error.js';

/** The shared records that carry a `version`, with what clients call them and whether they keep `updated_at`. */
const VERSIONED = {
  speakers: { what: 'speaker', touches: true },
  sectors: { what: 'sector', touches: false },
  organisations: { what: 'organisation', touches: false },
  users: { what: 'user', touches: true },
  webhooks: { what: 'webhook', touches: false },
} as const;

export type VersionedTable = keyof typeof VERSIONED;

const capitalised = (what: string) => what[0].toUpperCase() + what.slice(1);

/** NOT_FOUND when the record is gone, else CONFLICT with its current version. */
async function failure(manager: EntityManager, table: VersionedTable, id: string, expectedVersion: number | null) {
  const [current]: { version: number }[] = await manager.query(`SELECT version FROM ${table} WHERE id = $1`, [id]);
  if (!current) return new NotFoundError(capitalised(VERSIONED[table].what));
  return new StaleVersionError(VERSIONED[table].what, expectedVersion, current.version);
}

/**
 * The one conditional statement that guards a shared record against lost updates: writes `columns` and bumps the
 * version, at `expectedVersion` only when one is given, so of two editors who read the same version one wins and
 * the other gets CONFLICT with the current version. Answers the new version.
 */
export async function updateVersioned(
  manager: EntityManager,
  table: VersionedTable,
  id: string,
  expectedVersion: number | null | undefined,
  columns: Record<string, unknown>,
): Promise<number> {
  const params: unknown[] = [id, expectedVersion ?? null];
  const sets = Object.entries(columns).map(([column, value]) => `${column} = $${params.push(value)}`);
  sets.push('version = version + 1');
  if (VERSIONED[table].touches) sets.push('updated_at = now()');
  const rows: { version: number }[] = await manager.query(
    `WITH changed AS (UPDATE ${table} SET ${sets.join(', ')} WHERE id = $1 AND ($2::int IS NULL OR version = $2)
                      RETURNING version)
     SELECT version FROM changed`,
    params,
  );
  if (rows.length === 1) return rows[0].version;
  throw await failure(manager, table, id, expectedVersion ?? null);
}

/** Deletes a shared record, at `expectedVersion` only when one is given (else CONFLICT with the current version). */
export async function deleteVersioned(
  manager: EntityManager,
  table: VersionedTable,
  id: string,
  expectedVersion: number | null | undefined,
): Promise<void> {
  const rows: unknown[] = await manager.query(
    `WITH gone AS (DELETE FROM ${table} WHERE id = $1 AND ($2::int IS NULL OR version = $2) RETURNING id)
     SELECT id FROM gone`,
    [id, expectedVersion ?? null],
  );
  if (rows.length === 1) return;
  throw await failure(manager, table, id, expectedVersion ?? null);
}

/** The current versions of these records, by id (the ones that exist). */
export async function currentVersions(
  manager: EntityManager,
  table: VersionedTable,
  ids: readonly string[],
): Promise<Map<string, number>> {
  const rows: { id: string; version: number }[] = await manager.query(
    `SELECT id, version FROM ${table} WHERE id = ANY($1::uuid[])`,
    [ids],
  );
  return new Map(rows.map((r) => [r.id, r.version]));
}
