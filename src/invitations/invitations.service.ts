import { Injectable } from '@nestjs/common';
import { InjectEntityManager } from '@nestjs/typeorm';
import type { EntityManager } from 'typeorm';
import { requireRole } from '../auth/roles.js';
import type { Viewer } from '../auth/viewer.js';
import { BadInputError, DomainError, NotFoundError } from '../common/errors/domain-error.js';
import { AppConfig } from '../config/app-config.js';
import { WriteTransactions } from '../database/write-transactions.js';
import { EventViewsRepository } from '../events/data/event-views.repository.js';
import { AgendaEditorService } from '../events/editing/agenda-editor.service.js';
import { AppearanceEditorService } from '../events/editing/appearance-editor.service.js';
import { profileChanges, type SpeakerProfileInput } from '../speakers/dto/speaker-profile.input.js';
import type { SpeakerProfileProposal } from '../speakers/speaker-profile-proposal.model.js';
import { saveProposal } from '../speakers/speaker-profile-rows.js';
import { type InvitationSubject, subjectIn } from './invitation-details.js';
import { announceInvited, announceResponded } from './invitation-notices.js';
import {
  insertInvitation,
  insertResponse,
  invitationByHash,
  invitationById,
  invitationsOfEvent,
  lockOpen,
  recordAnswer,
  revokeInvitation,
} from './invitation-rows.js';
import { isSecretShaped, linkExpiry, newSecret, secretHash } from '../common/link-secrets.js';
import { invitationUrl } from './invitation-secret.js';
import { type InvitationRow, invitationStatus, isOpen } from './invitation-status.js';
import type { SpeakerInvitation } from './speaker-invitation.model.js';

/** How long a link takes answers when the organiser does not say. */
export const DEFAULT_EXPIRY_DAYS = 30;

/** An invitation as its page shows it: what it is about, while the working copy still has that appearance. */
export interface InvitationPageState {
  invitation: SpeakerInvitation;
  subject: InvitationSubject | undefined;
  open: boolean;
}

/** Why a link no longer takes answers, as a refusal: FORBIDDEN with `invitationStatus`. */
function closedError(row: InvitationRow): DomainError {
  const revoked = row.revokedAt !== null;
  return new DomainError(
    'FORBIDDEN',
    revoked
      ? 'This invitation was revoked by the organisers; ask them for a new link'
      : `This invitation expired on ${row.expiresAt.toISOString()}; ask the organisers for a new link`,
    { invitationStatus: revoked ? 'REVOKED' : 'EXPIRED' },
  );
}

/**
 * Speakers answer for themselves: editors make a link per appearance (only a hash of its secret is kept) and
 * revoke it; whoever holds the secret accepts or declines until it expires, through the same write as an
 * editor's status change (AppearanceEditorService), the invitation recording its answer in that transaction.
 */
@Injectable()
export class InvitationsService {
  constructor(
    @InjectEntityManager() private readonly manager: EntityManager,
    private readonly config: AppConfig,
    private readonly writes: WriteTransactions,
    private readonly views: EventViewsRepository,
    private readonly agenda: AgendaEditorService,
    private readonly appearances: AppearanceEditorService,
  ) {}

  /** Editors invite a speaker who appears on the agenda item; the answer holds the link, once. */
  async create(
    viewer: Viewer | null,
    args: { agendaItemId: string; speakerId: string; expiresAt?: Date | null },
  ): Promise<SpeakerInvitation> {
    const editor = requireRole(viewer, 'EDITOR', 'invite speakers');
    const expiresAt = linkExpiry(args.expiresAt, DEFAULT_EXPIRY_DAYS);
    const itemId = args.agendaItemId.toLowerCase();
    const speakerId = args.speakerId.toLowerCase();
    const eventId = await this.agenda.eventOf(itemId);
    const secret = newSecret();
    const url = invitationUrl(this.config.publicBase, secret);
    const row = await this.writes.run(async (manager) => {
      const [event] = await this.views.findWorking({ ids: [eventId] }, manager);
      if (!event) throw new NotFoundError('Agenda item');
      const subject = subjectIn(event, itemId, speakerId);
      if (!subject) {
        throw new BadInputError('speakerId', 'that speaker does not appear on this agenda item (assignSpeaker first)');
      }
      const created = await insertInvitation(manager, {
        secretHash: secretHash(secret),
        eventId,
        agendaItemId: itemId,
        speakerId,
        expiresAt,
        createdBy: editor.id,
      });
      await announceInvited(manager, subject, created, url);
      return created;
    });
    return this.model(row, url);
  }

  /** Editors stop a link working; what the speaker answered stays as it is in the agenda. */
  async revoke(viewer: Viewer | null, id: string): Promise<SpeakerInvitation> {
    requireRole(viewer, 'EDITOR', 'revoke invitations');
    const row = await this.writes.run((manager) => revokeInvitation(manager, id.toLowerCase()));
    if (!row) throw new NotFoundError('Invitation');
    return this.model(row);
  }

  /** Editors: an event's invitations, oldest first. */
  async ofEvent(viewer: Viewer | null, eventId: string): Promise<SpeakerInvitation[]> {
    requireRole(viewer, 'EDITOR', 'read invitations');
    return (await invitationsOfEvent(this.manager, eventId.toLowerCase())).map((row) => this.model(row));
  }

  /** An invitation by id, for a revision it authored. */
  async byId(id: string): Promise<SpeakerInvitation | undefined> {
    const row = await invitationById(this.manager, id);
    return row && this.model(row);
  }

  /**
   * The secret holder's answer: CONFIRMED or DECLINED in the working copy, one revision authored by the
   * invitation, the `speaker.responded` notice. The same answer again writes nothing. Unknown is NOT_FOUND;
   * revoked or expired is FORBIDDEN, and changes nothing.
   */
  async respond(secret: string, accept: boolean): Promise<SpeakerInvitation> {
    const row = await this.bySecret(secret);
    const now = new Date();
    if (!isOpen(row, now)) throw closedError(row);
    const answer = accept ? 'ACCEPTED' : 'DECLINED';
    const status = accept ? 'CONFIRMED' : 'DECLINED';
    const url = invitationUrl(this.config.publicBase, secret);
    const [event] = await this.views.findWorking({ ids: [row.eventId] });
    const current = event && subjectIn(event, row.agendaItemId, row.speakerId);
    if (!current) throw this.goneError();
    if (row.answer === answer && current.appearance.status === status) return this.model(row, url);
    let saved = row;
    await this.appearances.answerInvitation(
      { agendaItemId: row.agendaItemId, speakerId: row.speakerId, status },
      {
        action: accept ? 'invitation accepted' : 'invitation declined',
        alongside: async (manager, view) => {
          const answered = await recordAnswer(manager, row.id, answer);
          if (!answered) throw closedError((await invitationById(manager, row.id)) ?? row);
          saved = answered;
          await insertResponse(manager, { eventId: view.id, revision: view.version, invitationId: row.id, answer });
          const subject = subjectIn(view, row.agendaItemId, row.speakerId)!;
          await announceResponded(manager, subject, answered);
        },
      },
    );
    return this.model(saved, url);
  }

  /**
   * The secret holder proposes a correction to their own profile, pending an editor's approval (it changes nothing
   * until then); it replaces the one pending. Refused as an answer is: unknown NOT_FOUND, closed FORBIDDEN.
   */
  async proposeProfile(secret: string, input: SpeakerProfileInput): Promise<SpeakerProfileProposal> {
    const row = await this.bySecret(secret);
    if (!isOpen(row, new Date())) throw closedError(row);
    const [event] = await this.views.findWorking({ ids: [row.eventId] });
    if (!(event && subjectIn(event, row.agendaItemId, row.speakerId))) throw this.goneError();
    const changes = profileChanges(input);
    if (Object.keys(changes).length === 0) throw new BadInputError('input', 'proposes no change');
    return this.writes.run(async (manager) => {
      if (!(await lockOpen(manager, row.id))) throw closedError((await invitationById(manager, row.id)) ?? row);
      return saveProposal(manager, { speakerId: row.speakerId, invitationId: row.id, changes });
    });
  }

  /** What the invitation page shows; NOT_FOUND for an unknown secret. */
  async page(secret: string): Promise<InvitationPageState> {
    const row = await this.bySecret(secret);
    const [event] = await this.views.findWorking({ ids: [row.eventId] });
    const subject = event && subjectIn(event, row.agendaItemId, row.speakerId);
    return {
      invitation: this.model(row, invitationUrl(this.config.publicBase, secret)),
      subject,
      open: subject !== undefined && isOpen(row, new Date()),
    };
  }

  private async bySecret(secret: string): Promise<InvitationRow> {
    const row = isSecretShaped(secret) ? await invitationByHash(this.manager, secretHash(secret)) : undefined;
    if (!row) throw new NotFoundError('Invitation');
    return row;
  }

  /** The appearance (or its event) is gone since the invitation was made. */
  private goneError(): DomainError {
    return new DomainError(
      'FORBIDDEN',
      'The session this invitation was for has changed: the speaker is no longer on it; ask the organisers',
      { invitationStatus: 'CLOSED' },
    );
  }

  private model(row: InvitationRow, url: string | null = null): SpeakerInvitation {
    return { ...row, url, status: invitationStatus(row, new Date()) };
  }
}
