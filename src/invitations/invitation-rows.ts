import type { EntityManager } from 'typeorm';
import type { InvitationAnswer, InvitationRow } from './invitation-status.js';

/**
 * Tables `speaker_invitations` and `invitation_responses`: the invitations' SQL, one statement each (an UPDATE
 * in a WITH, so that the query answers its rows alone).
 */

const COLUMNS = `i.id, i.event_id AS "eventId", i.agenda_item_id AS "agendaItemId", i.speaker_id AS "speakerId",
  i.expires_at AS "expiresAt", i.answer, i.responded_at AS "respondedAt", i.revoked_at AS "revokedAt",
  i.created_at AS "createdAt"`;

export async function insertInvitation(
  manager: EntityManager,
  values: {
    secretHash: Buffer;
    eventId: string;
    agendaItemId: string;
    speakerId: string;
    expiresAt: Date;
    createdBy: string;
  },
): Promise<InvitationRow> {
  const [row]: InvitationRow[] = await manager.query(
    `INSERT INTO speaker_invitations AS i (secret_hash, event_id, agenda_item_id, speaker_id, expires_at, created_by)
     VALUES ($1, $2, $3, $4, $5, $6) RETURNING ${COLUMNS}`,
    [values.secretHash, values.eventId, values.agendaItemId, values.speakerId, values.expiresAt, values.createdBy],
  );
  return row;
}

/** The invitation whose secret has this hash, if any (its event deleted or not). */
export async function invitationByHash(manager: EntityManager, hash: Buffer): Promise<InvitationRow | undefined> {
  const [row]: InvitationRow[] = await manager.query(
    `SELECT ${COLUMNS} FROM speaker_invitations i WHERE i.secret_hash = $1`,
    [hash],
  );
  return row;
}

export async function invitationById(manager: EntityManager, id: string): Promise<InvitationRow | undefined> {
  const [row]: InvitationRow[] = await manager.query(`SELECT ${COLUMNS} FROM speaker_invitations i WHERE i.id = $1`, [
    id,
  ]);
  return row;
}

/** An event's invitations, oldest first. */
export function invitationsOfEvent(manager: EntityManager, eventId: string): Promise<InvitationRow[]> {
  return manager.query(
    `SELECT ${COLUMNS} FROM speaker_invitations i WHERE i.event_id = $1 ORDER BY i.created_at, i.id`,
    [eventId],
  );
}

/** Revokes an invitation (once: a second revocation keeps the first time); undefined when there is none. */
export async function revokeInvitation(manager: EntityManager, id: string): Promise<InvitationRow | undefined> {
  const [row]: InvitationRow[] = await manager.query(
    `WITH i AS (UPDATE speaker_invitations SET revoked_at = coalesce(revoked_at, now()) WHERE id = $1 RETURNING *)
     SELECT ${COLUMNS} FROM i`,
    [id],
  );
  return row;
}

/**
 * Records the speaker's answer, only while the invitation is open (not revoked, not expired, checked by the
 * statement itself, so a revocation that commits first wins); undefined when it is not.
 */
export async function recordAnswer(
  manager: EntityManager,
  id: string,
  answer: InvitationAnswer,
): Promise<InvitationRow | undefined> {
  const [row]: InvitationRow[] = await manager.query(
    `WITH i AS (UPDATE speaker_invitations SET answer = $2, responded_at = now()
                  WHERE id = $1 AND revoked_at IS NULL AND expires_at > now() RETURNING *)
     SELECT ${COLUMNS} FROM i`,
    [id, answer],
  );
  return row;
}

/** Whether the invitation is open (not revoked, not expired), holding it so until commit: a revocation waits. */
export async function lockOpen(manager: EntityManager, id: string): Promise<boolean> {
  const rows: unknown[] = await manager.query(
    `SELECT 1 FROM speaker_invitations WHERE id = $1 AND revoked_at IS NULL AND expires_at > now() FOR SHARE`,
    [id],
  );
  return rows.length > 0;
}

/** The answer's entry in the log: the event revision it made, authored by the invitation. */
export async function insertResponse(
  manager: EntityManager,
  response: { eventId: string; revision: number; invitationId: string; answer: InvitationAnswer },
): Promise<void> {
  await manager.query(
    `INSERT INTO invitation_responses (event_id, revision, invitation_id, answer) VALUES ($1, $2, $3, $4)`,
    [response.eventId, response.revision, response.invitationId, response.answer],
  );
}

/** The invitations that authored these event revisions, by `${eventId}:${revision}`. */
export async function invitationsAuthoring(
  manager: EntityManager,
  revisions: readonly { eventId: string; revision: number }[],
): Promise<Map<string, InvitationRow>> {
  const rows: (InvitationRow & { revision: number })[] = await manager.query(
    `SELECT ${COLUMNS}, r.revision
       FROM invitation_responses r JOIN speaker_invitations i ON i.id = r.invitation_id
       JOIN jsonb_to_recordset($1::jsonb) AS k("eventId" uuid, revision int)
         ON k."eventId" = r.event_id AND k.revision = r.revision`,
    [JSON.stringify(revisions)],
  );
  return new Map(rows.map(({ revision, ...row }) => [`${row.eventId}:${revision}`, row]));
}
