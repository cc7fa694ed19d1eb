import { Injectable, Logger, type OnApplicationShutdown } from '@nestjs/common';
import pg from 'pg';
import { AppConfig } from '../config/app-config.js';

type Handler = (payload: string) => void;

/**
 * PostgreSQL LISTEN/NOTIFY for this process: one connection for every channel. A NOTIFY sent inside a
 * transaction arrives after it commits, in every replica, so caches, subscriptions and the webhook dispatcher
 * hear of committed changes only.
 */
@Injectable()
export class NotificationsService implements OnApplicationShutdown {
  private readonly logger = new Logger('Notifications');
  private readonly handlers = new Map<string, Set<Handler>>();
  private client?: Promise<pg.Client>;

  constructor(private readonly config: AppConfig) {}

  /** Calls `handler` with each payload NOTIFY sends on `channel`; returns a function that stops it. */
  async listen(channel: string, handler: Handler): Promise<() => void> {
    const client = await this.connect();
    let handlers = this.handlers.get(channel);
    if (!handlers) {
      handlers = new Set();
      this.handlers.set(channel, handlers);
      await client.query(`LISTEN ${pg.escapeIdentifier(channel)}`);
    }
    handlers.add(handler);
    return () => handlers.delete(handler);
  }

  async onApplicationShutdown(): Promise<void> {
    const client = await this.client?.catch(() => undefined);
    await client?.end().catch(() => undefined);
  }

  private connect(): Promise<pg.Client> {
    this.client ??= (async () => {
      const client = new pg.Client({
        connectionString: this.config.DATABASE_URL,
        application_name: 'agenda-api-listen',
      });
      client.on('notification', ({ channel, payload }) => {
        for (const handler of this.handlers.get(channel) ?? []) handler(payload ?? '');
      });
      client.on('error', (error) => this.logger.warn(`notification connection: ${error.message}`));
      await client.connect();
      return client;
    })();
    return this.client;
  }
}
