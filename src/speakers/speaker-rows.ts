import type { EntityManager } from 'typeorm';
import { slugify } from '../common/slug.js';
import { organisationIds } from '../organisations/organisation-rows.js';

/** A speaker as a document names it: by slug, with the organisation by name. */
export interface SpeakerRecord {
  slug: string;
  honorific?: string | null;
  name: string;
  jobTitle?: string | null;
  organisation?: string | null;
  bio?: string | null;
  photoUrl?: string | null;
}

/** Speaker ids by slug, for the slugs that exist. */
export async function speakerIds(manager: EntityManager, slugs: readonly string[]): Promise<Map<string, string>> {
  if (slugs.length === 0) return new Map();
  const rows: { id: string; slug: string }[] = await manager.query(
    `SELECT id, slug FROM speakers WHERE slug = ANY($1::text[])`,
    [slugs],
  );
  return new Map(rows.map((r) => [r.slug, r.id]));
}

/**
 * Adds the speakers (and their organisations) that are missing; answers every id by slug. Existing speakers are
 * left as they are, unless `overwrite`: then they take the record's fields (an editor's import).
 */
export async function saveSpeakers(
  manager: EntityManager,
  speakers: readonly SpeakerRecord[],
  overwrite: boolean,
): Promise<Map<string, string>> {
  if (speakers.length === 0) return new Map();
  const organisations = await organisationIds(
    manager,
    speakers.flatMap((s) => (s.organisation ? [s.organisation] : [])),
    overwrite,
  );
  const rows: { id: string; slug: string }[] = await manager.query(
    `INSERT INTO speakers (slug, honorific, name, job_title, organisation_id, bio, photo_url)
     SELECT x.slug, x.honorific, x.name, x.job_title, x.organisation_id, x.bio, x.photo_url
       FROM jsonb_to_recordset($1::jsonb) AS x(slug text, honorific text, name text, job_title text,
                                               organisation_id uuid, bio text, photo_url text)
     ON CONFLICT (slug) DO UPDATE SET ${
       overwrite
         ? `honorific = EXCLUDED.honorific, name = EXCLUDED.name, job_title = EXCLUDED.job_title,
            organisation_id = EXCLUDED.organisation_id, bio = EXCLUDED.bio, photo_url = EXCLUDED.photo_url,
            updated_at = now()`
         : 'slug = speakers.slug'
     }
     RETURNING id, slug`,
    [
      JSON.stringify(
        speakers.map((s) => ({
          slug: s.slug,
          honorific: s.honorific ?? null,
          name: s.name,
          job_title: s.jobTitle ?? null,
          organisation_id: s.organisation ? organisations.get(slugify(s.organisation)) : null,
          bio: s.bio ?? null,
          photo_url: s.photoUrl ?? null,
        })),
      ),
    ],
  );
  return new Map(rows.map((r) => [r.slug, r.id]));
}
