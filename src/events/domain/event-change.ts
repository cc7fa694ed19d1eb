/**
 * What happened to an event's life: the changes the aggregate announces to whoever listens. A restored
 * (undeleted) event comes back as a draft, so its notice carries no document. `speaker.invited` (an invitation
 * made, its link in the document) and `speaker.responded` (a speaker's answer saved to the working copy) are
 * announced by src/invitations/, in the transaction of the invitation or of the answer.
 */
export const EVENT_CHANGE_KINDS = [
  'event.published',
  'event.unpublished',
  'event.deleted',
  'event.restored',
  'speaker.invited',
  'speaker.responded',
] as const;
export type EventChangeKind = (typeof EVENT_CHANGE_KINDS)[number];

/** Notices that change nothing a reader of the event sees: subscriptions pass them over. */
export const UNSEEN_CHANGE_KINDS: readonly EventChangeKind[] = ['speaker.invited'];

/**
 * Notices whose document carries a working link (an invitation's, at `invitation.url`): the notice forgets it when
 * fanned out, a delivery once it is sent (or has failed for good).
 */
export const LINK_BEARING_KINDS: readonly EventChangeKind[] = ['speaker.invited'];

/**
 * One change notice, written in the transaction of the change it announces (table `event_changes`) and sent by
 * NOTIFY on channel `event_changes` when it commits. Webhooks, subscriptions and caches listen; the aggregate does
 * not know them.
 */
export interface EventChangeNotice {
  kind: EventChangeKind;
  eventId: string;
  slug: string;
  version: number;
  /** What the revision says happened: published, unpublished, deleted, imported, ... */
  action: string;
  /** The published event document; null once it is no longer published. */
  document: unknown;
}

/** The NOTIFY payload: the notice without its document (a NOTIFY carries at most 8000 bytes). */
export interface EventChangeSignal {
  id: string;
  kind: EventChangeKind;
  eventId: string;
  slug: string;
  version: number;
}

export const EVENT_CHANGES_CHANNEL = 'event_changes';
