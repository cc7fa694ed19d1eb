import { randomBytes } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectEntityManager } from '@nestjs/typeorm';
import type { EntityManager } from 'typeorm';
import { requireRole } from '../auth/roles.js';
import type { Viewer } from '../auth/viewer.js';
import { AppConfig } from '../config/app-config.js';
import { deleteVersioned, updateVersioned } from '../database/versioned-rows.js';
import { WriteTransactions } from '../database/write-transactions.js';
import { assertDeliverableTarget } from './webhook-targets.js';

const WEBHOOK_COLUMNS = `id, url, events, NULL AS secret, created_at AS "createdAt", version`;

@Injectable()
export class WebhooksService {
  constructor(
    @InjectEntityManager() private readonly manager: EntityManager,
    private readonly config: AppConfig,
    private readonly writes: WriteTransactions,
  ) {}

  /** Admins register partner endpoints; the signing secret is shown in this answer only. */
  async create(viewer: Viewer | null, url: string, events: string[]) {
    const admin = requireRole(viewer, 'ADMIN', 'create webhooks');
    await assertDeliverableTarget(url, this.config.WEBHOOKS_ALLOW_PRIVATE_TARGETS);
    const secret = `whsec_${randomBytes(24).toString('base64url')}`;
    const [webhook]: { id: string; url: string; events: string[]; createdAt: Date }[] = await this.manager.query(
      `INSERT INTO webhooks (url, events, secret, created_by) VALUES ($1, $2, $3, $4)
       RETURNING id, url, events, created_at AS "createdAt", version`,
      [url, [...new Set(events)], secret, admin.id],
    );
    return { ...webhook, secret };
  }

  /**
   * Admins change where a webhook sends or what it hears, at `expectedVersion` when one is given. The secret
   * stays; deliveries already queued go to the new url.
   */
  async update(
    viewer: Viewer | null,
    id: string,
    input: { url?: string; events?: string[] },
    expectedVersion: number | null | undefined,
  ) {
    requireRole(viewer, 'ADMIN', 'edit webhooks');
    if (input.url !== undefined) await assertDeliverableTarget(input.url, this.config.WEBHOOKS_ALLOW_PRIVATE_TARGETS);
    const columns: Record<string, unknown> = {};
    if (input.url !== undefined) columns.url = input.url;
    if (input.events !== undefined) columns.events = [...new Set(input.events)];
    return this.writes.run(async (manager) => {
      await updateVersioned(manager, 'webhooks', id, expectedVersion, columns);
      const [webhook]: unknown[] = await manager.query(`SELECT ${WEBHOOK_COLUMNS} FROM webhooks WHERE id = $1`, [id]);
      return webhook;
    });
  }

  /** Admins remove a webhook, with its delivery log and what it had yet to send. */
  async delete(viewer: Viewer | null, id: string, expectedVersion: number | null | undefined): Promise<boolean> {
    requireRole(viewer, 'ADMIN', 'delete webhooks');
    await this.writes.run((manager) => deleteVersioned(manager, 'webhooks', id, expectedVersion));
    return true;
  }

  list(viewer: Viewer | null) {
    requireRole(viewer, 'ADMIN', 'list webhooks');
    return this.manager.query(`SELECT ${WEBHOOK_COLUMNS} FROM webhooks ORDER BY created_at, id`);
  }

  /** The delivery log, newest first: what was sent where, and how it went. */
  deliveries(viewer: Viewer | null, webhookId: string | null | undefined, first: number) {
    requireRole(viewer, 'EDITOR', 'read webhook deliveries');
    return this.manager.query(
      `SELECT id, webhook_id AS "webhookId", event, status, attempts, last_status_code AS "lastStatusCode",
              last_error AS "lastError", created_at AS "createdAt",
              CASE WHEN status = 'PENDING' THEN next_attempt_at END AS "nextAttemptAt",
              delivered_at AS "deliveredAt", payload
         FROM webhook_deliveries
        WHERE $1::uuid IS NULL OR webhook_id = $1
        ORDER BY created_at DESC, id DESC
        LIMIT $2`,
      [webhookId ?? null, first],
    );
  }
}
