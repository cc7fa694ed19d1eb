import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { WebhookEvent } from './webhook-events.js';

export interface WebhookNotice {
  event: WebhookEvent;
  eventId: string;
  slug: string;
  version: number;
  /** What the revision says happened: published, unpublished, deleted, imported, ... */
  action: string;
  /** The published event document; null once it is no longer published. */
  document: unknown;
}

/**
 * The durable outbox: one delivery row per webhook that listens to the change, written by the caller's
 * transaction, so the notice exists exactly when the change does. The dispatcher is woken on commit.
 */
@Injectable()
export class WebhookOutbox {
  async enqueue(manager: EntityManager, notice: WebhookNotice): Promise<void> {
    const payload = {
      event: notice.event,
      eventId: notice.eventId,
      slug: notice.slug,
      version: notice.version,
      action: notice.action,
      time: new Date().toISOString(),
      document: notice.document,
    };
    await manager.query(
      `INSERT INTO webhook_deliveries (webhook_id, event, payload)
       SELECT id, $1, $2 FROM webhooks WHERE $1 = ANY(events)`,
      [notice.event, JSON.stringify(payload)],
    );
    await manager.query(`SELECT pg_notify('webhook_deliveries', $1)`, [notice.event]);
  }
}
