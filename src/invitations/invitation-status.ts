/** What organisers see of an invitation; the answer stands after the link expires, a revocation overrides it. */
export const INVITATION_STATUSES = ['PENDING', 'ACCEPTED', 'DECLINED', 'REVOKED', 'EXPIRED'] as const;
export type InvitationStatus = (typeof INVITATION_STATUSES)[number];

export type InvitationAnswer = 'ACCEPTED' | 'DECLINED';

/** One row of speaker_invitations, as the service reads it. */
export interface InvitationRow {
  id: string;
  eventId: string;
  agendaItemId: string;
  speakerId: string;
  expiresAt: Date;
  answer: InvitationAnswer | null;
  respondedAt: Date | null;
  revokedAt: Date | null;
  createdAt: Date;
}

/** Whether the link still takes an answer: neither revoked nor past its expiry. */
export const isOpen = (row: InvitationRow, now: Date): boolean => !row.revokedAt && row.expiresAt > now;

/** REVOKED, else the speaker's answer, else EXPIRED or PENDING. */
export function invitationStatus(row: InvitationRow, now: Date): InvitationStatus {
  if (row.revokedAt) return 'REVOKED';
  if (row.answer) return row.answer;
  return row.expiresAt > now ? 'PENDING' : 'EXPIRED';
}
