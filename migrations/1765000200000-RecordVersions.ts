import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * No lost updates on the shared records: speakers, sectors, organisations, users and webhooks get a `version`
 * (1 for what exists, +1 on every change), checked by `expectedVersion`. Speakers get revisions like events: one
 * row per version with the speaker's fields; what exists now becomes revision 1 ('recorded'). A deleted event can be
 * restored, which is announced as 'event.restored'.
 */
export class RecordVersions1765000200000 implements MigrationInterface {
  name = 'RecordVersions1765000200000';

  async up(q: QueryRunner): Promise<void> {
    for (const table of ['speakers', 'sectors', 'organisations', 'users', 'webhooks']) {
      await q.query(`ALTER TABLE ${table} ADD COLUMN version integer NOT NULL DEFAULT 1`);
    }
    await q.query(`
      CREATE TABLE speaker_revisions (
        speaker_id uuid NOT NULL CONSTRAINT speaker_revisions_speaker_id_fkey REFERENCES speakers (id) ON DELETE CASCADE,
        revision integer NOT NULL,
        action text NOT NULL,
        author_id uuid CONSTRAINT speaker_revisions_author_id_fkey REFERENCES users (id) ON DELETE SET NULL,
        snapshot jsonb NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT speaker_revisions_pkey PRIMARY KEY (speaker_id, revision)
      )`);
    await q.query(`CREATE INDEX speaker_revisions_author_id_idx ON speaker_revisions (author_id)`);
    await q.query(`
      INSERT INTO speaker_revisions (speaker_id, revision, action, snapshot, created_at)
      SELECT s.id, 1, 'recorded',
             jsonb_build_object('slug', s.slug, 'honorific', s.honorific, 'name', s.name, 'jobTitle', s.job_title,
                                'organisation', o.name, 'bio', s.bio, 'photoUrl', s.photo_url),
             s.updated_at
        FROM speakers s LEFT JOIN organisations o ON o.id = s.organisation_id`);
    await q.query(`ALTER TABLE event_changes DROP CONSTRAINT event_changes_kind_check`);
    await q.query(`
      ALTER TABLE event_changes ADD CONSTRAINT event_changes_kind_check
        CHECK (kind IN ('event.published', 'event.unpublished', 'event.deleted', 'event.restored'))`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DELETE FROM event_changes WHERE kind = 'event.restored'`);
    await q.query(`ALTER TABLE event_changes DROP CONSTRAINT event_changes_kind_check`);
    await q.query(`
      ALTER TABLE event_changes ADD CONSTRAINT event_changes_kind_check
        CHECK (kind IN ('event.published', 'event.unpublished', 'event.deleted'))`);
    await q.query(`DROP TABLE speaker_revisions`);
    for (const table of ['webhooks', 'users', 'organisations', 'sectors', 'speakers']) {
      await q.query(`ALTER TABLE ${table} DROP COLUMN version`);
    }
  }
}
