import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Speakers correct their own profile: the change an invited speaker proposes (through their invitation's secret),
 * one pending per speaker (a newer one replaces it), until an editor approves it (a speaker update) or rejects it.
 * `changes` holds the proposed members only, as SpeakerProfileInput names them.
 */
export class SpeakerProfileProposals1765001300000 implements MigrationInterface {
  name = 'SpeakerProfileProposals1765001300000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE speaker_profile_proposals (
        speaker_id uuid NOT NULL CONSTRAINT speaker_profile_proposals_pkey PRIMARY KEY
          CONSTRAINT speaker_profile_proposals_speaker_id_fkey REFERENCES speakers (id) ON DELETE CASCADE,
        invitation_id uuid NOT NULL
          CONSTRAINT speaker_profile_proposals_invitation_id_fkey REFERENCES speaker_invitations (id) ON DELETE CASCADE,
        changes jsonb NOT NULL,
        proposed_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX speaker_profile_proposals_invitation_idx ON speaker_profile_proposals (invitation_id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE speaker_profile_proposals`);
  }
}
