import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Speakers answer for themselves: an invitation per speaker and agenda item (only the SHA-256 of its secret is
 * kept), the log of their answers (each one the author of the event revision it made), and the two change notices
 * a partner's mailer hears: speaker.invited and speaker.responded.
 */
export class SpeakerInvitations1765001000000 implements MigrationInterface {
  name = 'SpeakerInvitations1765001000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE speaker_invitations (
        id uuid NOT NULL DEFAULT gen_random_uuid() CONSTRAINT speaker_invitations_pkey PRIMARY KEY,
        secret_hash bytea NOT NULL,
        event_id uuid NOT NULL
          CONSTRAINT speaker_invitations_event_id_fkey REFERENCES events (id) ON DELETE CASCADE,
        agenda_item_id uuid NOT NULL
          CONSTRAINT speaker_invitations_agenda_item_id_fkey REFERENCES agenda_items (id) ON DELETE CASCADE,
        speaker_id uuid NOT NULL
          CONSTRAINT speaker_invitations_speaker_id_fkey REFERENCES speakers (id) ON DELETE CASCADE,
        expires_at timestamptz NOT NULL,
        answer text CONSTRAINT speaker_invitations_answer_check CHECK (answer IN ('ACCEPTED', 'DECLINED')),
        responded_at timestamptz,
        revoked_at timestamptz,
        created_by uuid CONSTRAINT speaker_invitations_created_by_fkey REFERENCES users (id) ON DELETE SET NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE UNIQUE INDEX speaker_invitations_secret_hash_key ON speaker_invitations (secret_hash)`);
    await q.query(`CREATE INDEX speaker_invitations_event_idx ON speaker_invitations (event_id, created_at)`);
    await q.query(`CREATE INDEX speaker_invitations_agenda_item_idx ON speaker_invitations (agenda_item_id)`);
    await q.query(`CREATE INDEX speaker_invitations_speaker_idx ON speaker_invitations (speaker_id)`);
    await q.query(`CREATE INDEX speaker_invitations_created_by_idx ON speaker_invitations (created_by)`);
    await q.query(`
      CREATE TABLE invitation_responses (
        event_id uuid NOT NULL,
        revision integer NOT NULL,
        invitation_id uuid NOT NULL
          CONSTRAINT invitation_responses_invitation_id_fkey REFERENCES speaker_invitations (id) ON DELETE CASCADE,
        answer text NOT NULL CONSTRAINT invitation_responses_answer_check CHECK (answer IN ('ACCEPTED', 'DECLINED')),
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT invitation_responses_pkey PRIMARY KEY (event_id, revision),
        CONSTRAINT invitation_responses_revision_fkey FOREIGN KEY (event_id, revision)
          REFERENCES event_revisions (event_id, revision) ON DELETE CASCADE
      )`);
    await q.query(`CREATE INDEX invitation_responses_invitation_idx ON invitation_responses (invitation_id)`);
    await q.query(`ALTER TABLE event_changes DROP CONSTRAINT event_changes_kind_check`);
    await q.query(`
      ALTER TABLE event_changes ADD CONSTRAINT event_changes_kind_check
        CHECK (kind IN ('event.published', 'event.unpublished', 'event.deleted', 'event.restored',
                        'speaker.invited', 'speaker.responded'))`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DELETE FROM event_changes WHERE kind IN ('speaker.invited', 'speaker.responded')`);
    await q.query(`ALTER TABLE event_changes DROP CONSTRAINT event_changes_kind_check`);
    await q.query(`
      ALTER TABLE event_changes ADD CONSTRAINT event_changes_kind_check
        CHECK (kind IN ('event.published', 'event.unpublished', 'event.deleted', 'event.restored'))`);
    await q.query(`DROP TABLE invitation_responses`);
    await q.query(`DROP TABLE speaker_invitations`);
  }
}
