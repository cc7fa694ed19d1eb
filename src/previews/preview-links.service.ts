import { Injectable } from '@nestjs/common';
import { InjectEntityManager } from '@nestjs/typeorm';
import type { EntityManager } from 'typeorm';
import { requireRole } from '../auth/roles.js';
import type { Viewer } from '../auth/viewer.js';
import { NotFoundError } from '../common/errors/domain-error.js';
import { linkExpiry, newSecret, secretHash } from '../common/link-secrets.js';
import { AppConfig } from '../config/app-config.js';
import { WriteTransactions } from '../database/write-transactions.js';
import { EventViewsRepository } from '../events/data/event-views.repository.js';
import { insertPreviewLink, type PreviewLinkRow, previewLinksOfEvent, revokePreviewLink } from './preview-link-rows.js';
import type { PreviewLink } from './preview-link.model.js';
import { previewStatus } from './previewed-event.js';

/** How long a link works when the editor does not say. */
export const DEFAULT_PREVIEW_DAYS = 7;

/** The page a preview link opens: the embed page of the working copy. */
export const previewUrl = (publicBase: string, slug: string, secret: string): string =>
  `${publicBase}/embed/events/${slug}?preview=${secret}`;

/**
 * Editors make, list and revoke preview links (only a hash of each secret is kept); reading through one is
 * previewed-event.ts.
 */
@Injectable()
export class PreviewLinksService {
  constructor(
    @InjectEntityManager() private readonly manager: EntityManager,
    private readonly config: AppConfig,
    private readonly writes: WriteTransactions,
    private readonly views: EventViewsRepository,
  ) {}

  /** A new link to the event's working copy; the answer holds its secret, once. */
  async create(viewer: Viewer | null, args: { eventId: string; expiresAt?: Date | null }): Promise<PreviewLink> {
    const editor = requireRole(viewer, 'EDITOR', 'make preview links');
    const expiresAt = linkExpiry(args.expiresAt, DEFAULT_PREVIEW_DAYS);
    const eventId = args.eventId.toLowerCase();
    const secret = newSecret();
    const { row, slug } = await this.writes.run(async (manager) => {
      const [event] = await this.views.findWorking({ ids: [eventId] }, manager);
      if (!event) throw new NotFoundError('Event');
      const created = await insertPreviewLink(manager, {
        secretHash: secretHash(secret),
        eventId,
        expiresAt,
        createdBy: editor.id,
      });
      return { row: created, slug: event.slug };
    });
    return this.model(row, { secret, url: previewUrl(this.config.publicBase, slug, secret) });
  }

  /** The link stops working at once. */
  async revoke(viewer: Viewer | null, id: string): Promise<PreviewLink> {
    requireRole(viewer, 'EDITOR', 'revoke preview links');
    const row = await this.writes.run((manager) => revokePreviewLink(manager, id.toLowerCase()));
    if (!row) throw new NotFoundError('Preview link');
    return this.model(row);
  }

  /** Event.previewLinks: editors and admins see them, newest first (without their secrets); anyone else null. */
  async ofEvent(viewer: Viewer | null, eventId: string): Promise<PreviewLink[] | null> {
    if (!viewer || viewer.role === 'CONTRIBUTOR') return null;
    return (await previewLinksOfEvent(this.manager, eventId)).map((row) => this.model(row));
  }

  private model(row: PreviewLinkRow, shown: { secret: string; url: string } | null = null): PreviewLink {
    return {
      ...row,
      secret: shown?.secret ?? null,
      url: shown?.url ?? null,
      status: previewStatus(row, new Date()),
    };
  }
}
