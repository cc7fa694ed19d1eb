import type { EntityManager } from 'typeorm';
import { recordChange } from '../events/data/event-change-notices.js';
import { displayName } from '../speakers/speaker-view.js';
import type { InvitationSubject } from './invitation-details.js';
import { type InvitationRow, invitationStatus } from './invitation-status.js';

/** What both notices say of the appearance: who, which session, in which role. */
function about({ item, speaker, appearance }: InvitationSubject) {
  return {
    speaker: { id: speaker.id, slug: speaker.slug, name: speaker.name, displayName: displayName(speaker) },
    agendaItem: { id: item.id, title: item.title, startsAt: item.startsAt, endsAt: item.endsAt },
    role: appearance.role,
  };
}

/**
 * `speaker.invited`, in the invitation's transaction: the link, for the organiser's mailer to send. (The outbox
 * drops the link once the delivery is done: webhook-fan-out.ts, webhook-dispatcher.service.ts.)
 */
export function announceInvited(
  manager: EntityManager,
  subject: InvitationSubject,
  row: InvitationRow,
  url: string,
): Promise<void> {
  const { event } = subject;
  return recordChange(manager, {
    kind: 'speaker.invited',
    eventId: event.id,
    slug: event.slug,
    version: event.version,
    action: 'invited',
    document: {
      invitation: { id: row.id, url, expiresAt: row.expiresAt.toISOString(), status: 'PENDING' },
      ...about(subject),
    },
  });
}

/** `speaker.responded`, in the answer's transaction: the answer and the appearance's new status. */
export function announceResponded(
  manager: EntityManager,
  subject: InvitationSubject,
  row: InvitationRow,
): Promise<void> {
  const { event } = subject;
  return recordChange(manager, {
    kind: 'speaker.responded',
    eventId: event.id,
    slug: event.slug,
    version: event.version,
    action: row.answer === 'ACCEPTED' ? 'invitation accepted' : 'invitation declined',
    document: {
      invitation: {
        id: row.id,
        status: invitationStatus(row, new Date()),
        respondedAt: row.respondedAt?.toISOString() ?? null,
        expiresAt: row.expiresAt.toISOString(),
      },
      ...about(subject),
      appearanceStatus: subject.appearance.status,
    },
  });
}
