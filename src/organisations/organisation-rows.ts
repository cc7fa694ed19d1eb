import type { EntityManager } from 'typeorm';
import { slugify } from '../common/slug.js';

/**
 * Organisation ids by slug for these names, adding the ones that are missing. Existing organisations keep their
 * name unless `rename` (an editor's import names them as they are now; a new version when the name changes).
 */
export async function organisationIds(
  manager: EntityManager,
  names: readonly string[],
  rename = false,
): Promise<Map<string, string>> {
  const unique = [...new Set(names)];
  if (unique.length === 0) return new Map();
  const rows: { id: string; slug: string }[] = await manager.query(
    `INSERT INTO organisations (slug, name) SELECT x.slug, x.name FROM jsonb_to_recordset($1::jsonb) AS x(slug text, name text)
     ON CONFLICT (slug) DO UPDATE SET ${
       rename
         ? `name = EXCLUDED.name,
            version = organisations.version + (organisations.name IS DISTINCT FROM EXCLUDED.name)::int`
         : 'name = organisations.name'
     }
     RETURNING id, slug`,
    [JSON.stringify(unique.map((name) => ({ slug: slugify(name), name })))],
  );
  return new Map(rows.map((o) => [o.slug, o.id]));
}

/** The id of the organisation of this name, added when missing; null for no name. */
export async function organisationId(manager: EntityManager, name: string | null | undefined): Promise<string | null> {
  if (!name) return null;
  return (await organisationIds(manager, [name])).get(slugify(name)) ?? null;
}
