import { DomainError, NotFoundError } from '../common/errors/domain-error.js';
import { isSecretShaped, secretHash } from '../common/link-secrets.js';
import type { EventViewsRepository } from '../events/data/event-views.repository.js';
import { type EventView, publicView } from '../events/domain/event-view.js';
import { type PreviewLinkRow, previewLinkByHash, type PrimaryQuery } from './preview-link-rows.js';

export const PREVIEW_STATUSES = ['ACTIVE', 'EXPIRED', 'REVOKED'] as const;
export type PreviewStatus = (typeof PREVIEW_STATUSES)[number];

export const previewStatus = (row: PreviewLinkRow, now: Date): PreviewStatus =>
  row.revokedAt ? 'REVOKED' : row.expiresAt > now ? 'ACTIVE' : 'EXPIRED';

/**
 * The one event a preview secret opens: its working copy as publishing it now would show it (publicView: CONFIRMED
 * and INVITED speakers), read-only. An unknown secret, or one whose event was deleted, is NOT_FOUND; an expired or
 * revoked one FORBIDDEN with `extensions.previewStatus`. What else the answer reaches (related events, speakers'
 * other appearances, lists) stays as the caller may see it without the secret.
 */
export async function previewedEvent(
  query: PrimaryQuery,
  views: EventViewsRepository,
  secret: string,
): Promise<EventView> {
  const row = isSecretShaped(secret) ? await previewLinkByHash(query, secretHash(secret)) : undefined;
  if (!row) throw new NotFoundError('Preview link');
  const status = previewStatus(row, new Date());
  if (status !== 'ACTIVE') {
    throw new DomainError(
      'FORBIDDEN',
      status === 'REVOKED'
        ? 'This preview link was revoked by the organisers'
        : `This preview link expired on ${row.expiresAt.toISOString()}`,
      { previewStatus: status },
    );
  }
  const [view] = await views.findWorking({ ids: [row.eventId] });
  if (!view) throw new NotFoundError('Preview link');
  return publicView(view);
}
