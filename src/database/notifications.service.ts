import { Injectable, Logger, type OnApplicationShutdown } from '@nestjs/common';
import pg from 'pg';
import { AppConfig } from '../config/app-config.js';

type Handler = (payload: string) => void;

/**
 * PostgreSQL LISTEN/NOTIFY for this process: one connection for every channel. A NOTIFY sent inside a
 * transaction arrives after it commits, in every replica, so caches, subscriptions and the webhook dispatcher
 * hear of committed changes only. A lost connection is made again (with backoff) and listens again.
 */
@Injectable()
export class NotificationsService implements OnApplicationShutdown {
  private readonly logger = new Logger('Notifications');
  private readonly handlers = new Map<string, Set<Handler>>();
  private client?: Promise<pg.Client>;
  private retryTimer?: NodeJS.Timeout;
  private failures = 0;
  private stopped = false;

  constructor(private readonly config: AppConfig) {}

  /** Calls `handler` with each payload NOTIFY sends on `channel`; returns a function that stops it. */
  async listen(channel: string, handler: Handler): Promise<() => void> {
    let handlers = this.handlers.get(channel);
    if (!handlers) {
      handlers = new Set();
      this.handlers.set(channel, handlers);
      const client = await this.connect();
      await client.query(`LISTEN ${pg.escapeIdentifier(channel)}`);
    }
    handlers.add(handler);
    return () => handlers.delete(handler);
  }

  /** Whether the LISTEN connection is up (readiness). */
  async connected(): Promise<boolean> {
    if (!this.client) return true; // nothing listens yet
    return this.client.then(
      () => this.failures === 0,
      () => false,
    );
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.retryTimer);
    const client = await this.client?.catch(() => undefined);
    await client?.end().catch(() => undefined);
  }

  private connect(): Promise<pg.Client> {
    this.client ??= this.open();
    return this.client;
  }

  private async open(): Promise<pg.Client> {
    const client = new pg.Client({ connectionString: this.config.DATABASE_URL, application_name: 'agenda-api-listen' });
    client.on('notification', ({ channel, payload }) => {
      for (const handler of this.handlers.get(channel) ?? []) handler(payload ?? '');
    });
    const lost = (reason: string) => {
      if (this.stopped || this.retryTimer) return;
      this.failures += 1;
      const delay = Math.min(30_000, 500 * 2 ** Math.min(this.failures, 6));
      this.logger.warn(`notification connection lost (${reason}); connecting again in ${delay} ms`);
      client.removeAllListeners('end');
      void client.end().catch(() => undefined);
      this.retryTimer = setTimeout(() => void this.reconnect(), delay);
    };
    client.on('error', (error) => lost(error.message));
    client.on('end', () => lost('connection ended'));
    await client.connect();
    for (const channel of this.handlers.keys()) await client.query(`LISTEN ${pg.escapeIdentifier(channel)}`);
    return client;
  }

  private async reconnect(): Promise<void> {
    this.retryTimer = undefined;
    if (this.stopped) return;
    const next = this.open();
    this.client = next;
    try {
      await next;
      this.failures = 0;
      this.logger.log('notification connection made again');
    } catch (error) {
      this.client = undefined;
      this.failures += 1;
      const delay = Math.min(30_000, 500 * 2 ** Math.min(this.failures, 6));
      this.logger.warn(`notification connection failed (${(error as Error).message}); trying again in ${delay} ms`);
      this.retryTimer = setTimeout(() => void this.reconnect(), delay);
    }
  }
}
