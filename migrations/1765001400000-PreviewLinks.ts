import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Preview links: whoever holds one reads one event's working copy, read-only, until it expires or is revoked. Only
 * the SHA-256 of its secret is kept.
 */
export class PreviewLinks1765001400000 implements MigrationInterface {
  name = 'PreviewLinks1765001400000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE preview_links (
        id uuid NOT NULL DEFAULT gen_random_uuid() CONSTRAINT preview_links_pkey PRIMARY KEY,
        secret_hash bytea NOT NULL,
        event_id uuid NOT NULL CONSTRAINT preview_links_event_id_fkey REFERENCES events (id) ON DELETE CASCADE,
        expires_at timestamptz NOT NULL,
        revoked_at timestamptz,
        created_by uuid CONSTRAINT preview_links_created_by_fkey REFERENCES users (id) ON DELETE SET NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE UNIQUE INDEX preview_links_secret_hash_key ON preview_links (secret_hash)`);
    await q.query(`CREATE INDEX preview_links_event_idx ON preview_links (event_id, created_at)`);
    await q.query(`CREATE INDEX preview_links_created_by_idx ON preview_links (created_by)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE preview_links`);
  }
}
