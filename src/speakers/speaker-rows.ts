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

/** A speaker's fields as a revision keeps them (`SpeakerRecord`, the organisation by name), from `speakers s`. */
const SNAPSHOT_SQL = `jsonb_build_object('slug', s.slug, 'honorific', s.honorific, 'name', s.name, 'jobTitle', s.job_title,
                        'organisation', (SELECT o.name FROM organisations o WHERE o.id = s.organisation_id),
                        'bio', s.bio, 'photoUrl', s.photo_url)`;

/** Table `speaker_revisions`: each speaker's fields as they are now, as the revision its current version made. */
export async function insertSpeakerRevisions(
  manager: EntityManager,
  speakerIds: readonly string[],
  action: string,
  authorId: string | null,
): Promise<void> {
  if (speakerIds.length === 0) return;
  await manager.query(
    `INSERT INTO speaker_revisions (speaker_id, revision, action, author_id, snapshot)
     SELECT s.id, s.version, $2, $3, ${SNAPSHOT_SQL} FROM speakers s WHERE s.id = ANY($1::uuid[])`,
    [speakerIds, action, authorId],
  );
}

/**
 * Adds the speakers (and their organisations) that are missing; answers every id by slug. Existing speakers are
 * left as they are, unless `overwrite`: then they take the record's fields (an editor's import). Every speaker
 * added or changed gets a new version and an 'imported' revision by `authorId`.
 */
export async function saveSpeakers(
  manager: EntityManager,
  speakers: readonly SpeakerRecord[],
  overwrite: boolean,
  authorId: string | null,
): Promise<Map<string, string>> {
  if (speakers.length === 0) return new Map();
  const organisations = await organisationIds(
    manager,
    speakers.flatMap((s) => (s.organisation ? [s.organisation] : [])),
    overwrite,
  );
  const columns = ['honorific', 'name', 'job_title', 'organisation_id', 'bio', 'photo_url'];
  const written: { id: string; slug: string }[] = await manager.query(
    `INSERT INTO speakers (slug, honorific, name, job_title, organisation_id, bio, photo_url)
     SELECT x.slug, x.honorific, x.name, x.job_title, x.organisation_id, x.bio, x.photo_url
       FROM jsonb_to_recordset($1::jsonb) AS x(slug text, honorific text, name text, job_title text,
                                               organisation_id uuid, bio text, photo_url text)
     ON CONFLICT (slug) DO ${
       overwrite
         ? `UPDATE SET ${columns.map((c) => `${c} = EXCLUDED.${c}`).join(', ')},
                   version = speakers.version + 1, updated_at = now()
             WHERE (${columns.map((c) => `speakers.${c}`).join(', ')})
                   IS DISTINCT FROM (${columns.map((c) => `EXCLUDED.${c}`).join(', ')})`
         : 'NOTHING'
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
  await insertSpeakerRevisions(
    manager,
    written.map((r) => r.id),
    'imported',
    authorId,
  );
  const ids = new Map(written.map((r) => [r.slug, r.id]));
  const untouched = speakers.map((s) => s.slug).filter((slug) => !ids.has(slug));
  for (const [slug, id] of await speakerIds(manager, untouched)) ids.set(slug, id);
  return ids;
}
