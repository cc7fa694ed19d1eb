import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Speakers as published: one row per speaker per published event, written with the snapshot, so anonymous speaker
 * and organisation reads use indexed rows instead of unpacking every snapshot. `public_speakers` is each speaker as
 * the newest publication lists them.
 */
export class PublishedSpeakers1764000200000 implements MigrationInterface {
  name = 'PublishedSpeakers1764000200000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE published_speakers (
        event_id uuid NOT NULL
          CONSTRAINT published_speakers_event_id_fkey REFERENCES event_publications (event_id) ON DELETE CASCADE,
        speaker_id uuid NOT NULL,
        slug text NOT NULL,
        honorific text,
        name text NOT NULL,
        job_title text,
        organisation jsonb,
        bio text,
        photo_url text,
        published_at timestamptz NOT NULL,
        search tsvector GENERATED ALWAYS AS (
          to_tsvector('simple', coalesce(honorific, '') || ' ' || name || ' ' || coalesce(job_title, ''))
        ) STORED,
        CONSTRAINT published_speakers_pkey PRIMARY KEY (event_id, speaker_id)
      )`);
    await q.query(
      `CREATE INDEX published_speakers_speaker_idx ON published_speakers (speaker_id, published_at DESC, event_id)`,
    );
    await q.query(`CREATE INDEX published_speakers_slug_idx ON published_speakers (slug)`);
    await q.query(`CREATE INDEX published_speakers_search_idx ON published_speakers USING gin (search)`);
    await q.query(`
      CREATE VIEW public_speakers AS
        SELECT DISTINCT ON (speaker_id) speaker_id AS id, slug, honorific, name, job_title, organisation, bio,
               photo_url, search
          FROM published_speakers
         ORDER BY speaker_id, published_at DESC, event_id`);
    await q.query(`
      INSERT INTO published_speakers (event_id, speaker_id, slug, honorific, name, job_title, organisation, bio,
                                      photo_url, published_at)
      SELECT p.event_id, s.id, s.slug, s.honorific, s.name, s."jobTitle", NULLIF(s.organisation, 'null'::jsonb), s.bio,
             s."photoUrl", p.published_at
        FROM event_publications p
       CROSS JOIN LATERAL jsonb_to_recordset(p.view -> 'speakers')
             AS s(id uuid, slug text, honorific text, name text, "jobTitle" text, organisation jsonb, bio text,
                  "photoUrl" text)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP VIEW public_speakers`);
    await q.query(`DROP TABLE published_speakers`);
  }
}
