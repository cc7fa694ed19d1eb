import { createHmac } from 'node:crypto';
import { Injectable, Logger, type OnApplicationShutdown, type OnModuleInit } from '@nestjs/common';
import { InjectEntityManager } from '@nestjs/typeorm';
import type { EntityManager } from 'typeorm';
import { isDatabaseUnavailable } from '../common/errors/domain-error.js';
import { reportDatabaseUnavailable } from '../common/errors/service-unavailable.js';
import { AppConfig } from '../config/app-config.js';
import { DatabaseLifecycle } from '../database/database-lifecycle.service.js';
import { NotificationsService } from '../database/notifications.service.js';
import { EVENT_CHANGES_CHANNEL, LINK_BEARING_KINDS } from '../events/domain/event-change.js';
import { MAX_ATTEMPTS } from './webhook-events.js';
import { fanOutChanges } from './webhook-fan-out.js';
import { postJson } from './webhook-http.js';
import { assertDeliverableTarget } from './webhook-targets.js';

interface Due {
  id: string;
  event: string;
  payload: unknown;
  attempts: number;
  url: string;
  secret: string;
}

/** A delivery's payload as SQL without the working link its kind carries (`kinds`: the LINK_BEARING_KINDS parameter). */
const withoutLink = (kinds: string) =>
  `CASE WHEN event = ANY(${kinds}::text[]) THEN payload #- '{document,invitation,url}' ELSE payload END`;

/** `t=<unix seconds>,v1=<hex HMAC-SHA256(secret, t + "." + body)>`, as partners verify it (docs/webhooks.md). */
export function signature(secret: string, body: string, at = new Date()): string {
  const t = Math.floor(at.getTime() / 1000);
  return `t=${t},v1=${createHmac('sha256', secret).update(`${t}.${body}`).digest('hex')}`;
}

/**
 * Fans the events' change notices out to the outbox, then sends due outbox rows. Rows are claimed with SKIP LOCKED
 * and a lease, so several replicas share the work and a delivery cut off by a crash is retried when its lease ends.
 * Woken by the notices' NOTIFY on commit, and by a timer for retries and for notices written while no replica ran.
 */
@Injectable()
export class WebhookDispatcher implements OnModuleInit, OnApplicationShutdown {
  private readonly logger = new Logger('Webhooks');
  private timer?: NodeJS.Timeout;
  private stopListening?: () => void;
  private running?: Promise<void>;
  private again = false;
  private stopped = false;

  constructor(
    @InjectEntityManager() private readonly manager: EntityManager,
    private readonly config: AppConfig,
    private readonly notifications: NotificationsService,
    private readonly database: DatabaseLifecycle,
  ) {}

  /** Starts once the database is there (a start task); the timer also catches up after an outage. */
  onModuleInit(): void {
    this.database.afterConnect('webhook dispatcher', () => {
      this.stopListening = this.notifications.listen(EVENT_CHANGES_CHANNEL, () => this.wake());
      this.timer = setInterval(() => this.wake(), Math.min(1000, this.config.WEBHOOK_RETRY_BASE_MS));
      this.wake();
      return Promise.resolve();
    });
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopped = true;
    clearInterval(this.timer);
    this.stopListening?.();
    await this.running;
  }

  /** Runs one pass now, or right after the pass under way. */
  private wake(): void {
    if (this.stopped) return;
    if (this.running) {
      this.again = true;
      return;
    }
    this.running = this.drain()
      .catch((error: unknown) => {
        if (isDatabaseUnavailable(error)) reportDatabaseUnavailable(error);
        else this.logger.error(`dispatch failed: ${String(error)}`);
      })
      .finally(() => {
        this.running = undefined;
        if (this.again) {
          this.again = false;
          this.wake();
        }
      });
  }

  private async drain(): Promise<void> {
    while (!this.stopped && (await fanOutChanges(this.manager)) > 0);
    while (!this.stopped) {
      const due: Due[] = await this.manager.query(
        `WITH due AS (
           SELECT id FROM webhook_deliveries
            WHERE status = 'PENDING' AND next_attempt_at <= now() AND (locked_until IS NULL OR locked_until < now())
            ORDER BY next_attempt_at LIMIT 20 FOR UPDATE SKIP LOCKED),
         claimed AS (
           UPDATE webhook_deliveries d SET locked_until = now() + interval '2 minutes', attempts = d.attempts + 1
             FROM due WHERE d.id = due.id RETURNING d.id, d.webhook_id, d.event, d.payload, d.attempts)
         SELECT c.id, c.event, c.payload, c.attempts, w.url, w.secret
           FROM claimed c JOIN webhooks w ON w.id = c.webhook_id`,
      );
      if (due.length === 0) return;
      await Promise.all(due.map((delivery) => this.deliver(delivery)));
    }
  }

  private async deliver(delivery: Due): Promise<void> {
    const body = JSON.stringify(delivery.payload);
    let statusCode: number | null = null;
    let error: string | null = null;
    try {
      const allowPrivate = this.config.WEBHOOKS_ALLOW_PRIVATE_TARGETS;
      await assertDeliverableTarget(delivery.url, allowPrivate);
      statusCode = await postJson(
        delivery.url,
        {
          'content-type': 'application/json',
          'user-agent': 'agenda-api-webhooks/1',
          'agenda-event': delivery.event,
          'agenda-delivery': delivery.id,
          'agenda-signature': signature(delivery.secret, body),
        },
        body,
        allowPrivate,
      );
      if (statusCode < 200 || statusCode >= 300) error = `HTTP ${statusCode}`;
    } catch (cause) {
      error = cause instanceof Error ? cause.message : String(cause);
    }
    if (!error) {
      await this.manager.query(
        `UPDATE webhook_deliveries SET status = 'DELIVERED', delivered_at = now(), locked_until = NULL,
                last_status_code = $2, last_error = NULL, payload = ${withoutLink('$3')} WHERE id = $1`,
        [delivery.id, statusCode, LINK_BEARING_KINDS],
      );
      return;
    }
    const last = delivery.attempts >= MAX_ATTEMPTS;
    const delayMs = this.config.WEBHOOK_RETRY_BASE_MS * 2 ** (delivery.attempts - 1);
    await this.manager.query(
      `UPDATE webhook_deliveries SET status = $2, locked_until = NULL, last_status_code = $3, last_error = $4,
              next_attempt_at = now() + make_interval(secs => $5::double precision / 1000),
              payload = CASE WHEN $2 = 'FAILED' THEN ${withoutLink('$6')} ELSE payload END
        WHERE id = $1`,
      [delivery.id, last ? 'FAILED' : 'PENDING', statusCode, error.slice(0, 500), delayMs, LINK_BEARING_KINDS],
    );
    this.logger.warn(`delivery ${delivery.id} to ${delivery.url} failed (try ${delivery.attempts}): ${error}`);
  }
}
