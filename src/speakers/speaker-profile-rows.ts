import type { EntityManager } from 'typeorm';
import { PROFILE_FIELDS, type ProfileChanges } from './dto/speaker-profile.input.js';
import type { SpeakerProfileProposal } from './speaker-profile-proposal.model.js';

/** Table `speaker_profile_proposals`: one pending correction per speaker, its proposed members in `changes`. */

interface ProposalRow {
  speakerId: string;
  invitationId: string;
  changes: ProfileChanges;
  proposedAt: Date;
}

const COLUMNS = `speaker_id AS "speakerId", invitation_id AS "invitationId", changes, proposed_at AS "proposedAt"`;

/** A proposal as clients read it: every field, null where it proposes nothing, and which it proposes. */
function toProposal(row: ProposalRow): SpeakerProfileProposal {
  const fields = PROFILE_FIELDS.filter((f) => f in row.changes);
  return {
    fields,
    ...Object.fromEntries(PROFILE_FIELDS.map((f) => [f, row.changes[f] ?? null])),
    proposedAt: row.proposedAt,
    invitationId: row.invitationId,
  } as SpeakerProfileProposal;
}

/** Saves a speaker's proposal, replacing the one pending. */
export async function saveProposal(
  manager: EntityManager,
  proposal: { speakerId: string; invitationId: string; changes: ProfileChanges },
): Promise<SpeakerProfileProposal> {
  const [row]: ProposalRow[] = await manager.query(
    `INSERT INTO speaker_profile_proposals (speaker_id, invitation_id, changes) VALUES ($1, $2, $3)
     ON CONFLICT (speaker_id) DO UPDATE
       SET invitation_id = EXCLUDED.invitation_id, changes = EXCLUDED.changes, proposed_at = now()
     RETURNING ${COLUMNS}`,
    [proposal.speakerId, proposal.invitationId, JSON.stringify(proposal.changes)],
  );
  return toProposal(row);
}

/** The pending proposals of these speakers, by speaker id. */
export async function proposalsOf(
  manager: EntityManager,
  speakerIds: readonly string[],
): Promise<Map<string, SpeakerProfileProposal>> {
  const rows: ProposalRow[] = await manager.query(
    `SELECT ${COLUMNS} FROM speaker_profile_proposals WHERE speaker_id = ANY($1::uuid[])`,
    [speakerIds],
  );
  return new Map(rows.map((r) => [r.speakerId, toProposal(r)]));
}

/** Removes a speaker's pending proposal and answers what it proposed; undefined when there was none. */
export async function takeProposal(manager: EntityManager, speakerId: string): Promise<ProfileChanges | undefined> {
  const [row]: ProposalRow[] = await manager.query(
    `WITH gone AS (DELETE FROM speaker_profile_proposals WHERE speaker_id = $1 RETURNING *)
     SELECT ${COLUMNS} FROM gone`,
    [speakerId],
  );
  return row?.changes;
}
