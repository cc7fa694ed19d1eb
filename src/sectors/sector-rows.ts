import type { EntityManager } from 'typeorm';

/** Sector ids by slug, for the slugs that exist. */
export async function sectorIds(manager: EntityManager, slugs: readonly string[]): Promise<Map<string, string>> {
  if (slugs.length === 0) return new Map();
  const rows: { id: string; slug: string }[] = await manager.query(
    `SELECT id, slug FROM sectors WHERE slug = ANY($1::text[])`,
    [slugs],
  );
  return new Map(rows.map((r) => [r.slug, r.id]));
}

/** Adds the sectors that are missing and renames those that exist (a new version when renamed); ids by slug. */
export async function upsertSectors(
  manager: EntityManager,
  sectors: readonly { slug: string; name: string }[],
): Promise<Map<string, string>> {
  if (sectors.length === 0) return new Map();
  const rows: { id: string; slug: string }[] = await manager.query(
    `INSERT INTO sectors (slug, name) SELECT x.slug, x.name FROM jsonb_to_recordset($1::jsonb) AS x(slug text, name text)
     ON CONFLICT (slug) DO UPDATE
       SET name = EXCLUDED.name, version = sectors.version + (sectors.name IS DISTINCT FROM EXCLUDED.name)::int
     RETURNING id, slug`,
    [JSON.stringify(sectors)],
  );
  return new Map(rows.map((r) => [r.slug, r.id]));
}
