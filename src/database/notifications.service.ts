import { randomUUID } from 'node:crypto';
import { Injectable, Logger, type OnApplicationShutdown } from '@nestjs/common';
import pg from 'pg';
import { reportDatabaseUnavailable } from '../common/errors/service-unavailable.js';
import { AppConfig } from '../config/app-config.js';

type Handler = (payload: string) => void;

/** Waits between tries to make the LISTEN connection again: fast at first, never more than a second. */
const retryDelayMs = (failures: number): number => Math.min(1000, 100 * 2 ** Math.max(0, failures - 1));

/** NOTIFYed by a trigger on every write to speakers, sectors and organisations (migration SharedRecordChanges). */
export const SHARED_RECORD_CHANGES_CHANNEL = 'shared_record_changes';

/**
 * PostgreSQL LISTEN/NOTIFY for this process: one connection for every channel. A NOTIFY sent inside a
 * transaction arrives after it commits, in every replica, so caches, subscriptions and the webhook dispatcher
 * hear of committed changes only. A lost connection is made again within a second of the database answering
 * again (retrying every second at most), listens again, and then runs the `onReconnect` hooks (which catch up on
 * what was missed) before it counts as connected again for readiness. A connection that goes silent without
 * ending (a network dropping packets) is found by a heartbeat: a notice to itself every NOTIFY_HEARTBEAT_MS, which
 * must be heard back within as long, or the connection counts as lost.
 */
@Injectable()
export class NotificationsService implements OnApplicationShutdown {
  private readonly logger = new Logger('Notifications');
  private readonly handlers = new Map<string, Set<Handler>>();
  private readonly reconnectHooks: (() => Promise<void>)[] = [];
  private readonly heardHooks: (() => void)[] = [];
  private client?: pg.Client;
  private readonly given = new WeakSet<pg.Client>();
  private retryTimer?: NodeJS.Timeout;
  private started = false;
  private listenedBefore = false;
  private failures = 0;
  private stopped = false;
  private readonly fenceChannel = `fence_${randomUUID().replaceAll('-', '')}`;
  private readonly fences = new Map<string, () => void>();
  private stopFence?: () => void;
  private fenceSent: Promise<void> = Promise.resolve();
  private heartbeat?: NodeJS.Timeout;
  private beating = false;

  constructor(private readonly config: AppConfig) {}

  /**
   * Calls `handler` with each payload NOTIFY sends on `channel`, from now on or as soon as the connection is
   * made; returns a function that stops it.
   */
  listen(channel: string, handler: Handler): () => void {
    let handlers = this.handlers.get(channel);
    if (!handlers) {
      handlers = new Set();
      this.handlers.set(channel, handlers);
      const client = this.client;
      if (client) void client.query(`LISTEN ${pg.escapeIdentifier(channel)}`).catch((e: Error) => this.lost(client, e));
    }
    handlers.add(handler);
    if (!this.started) {
      this.started = true;
      void this.open();
    }
    return () => handlers.delete(handler);
  }

  /**
   * Resolves true once every NOTIFY committed before the call has been heard here: PostgreSQL delivers
   * notifications in commit order, and this one (on a channel of this process's own) commits after them. False at
   * once while not connected, or after `timeoutMs`. A mutation waits for it, so that what it changed is heard (and
   * this replica's response cache invalidated) before its answer reaches the client.
   */
  fence(timeoutMs = 1000): Promise<boolean> {
    const client = this.client;
    if (!client) return Promise.resolve(false);
    this.stopFence ??= this.listen(this.fenceChannel, (id) => this.fences.get(id)?.());
    const id = randomUUID();
    return new Promise<boolean>((resolve) => {
      const timer = setTimeout(() => settle(false), timeoutMs);
      const settle = (heard: boolean) => {
        clearTimeout(timer);
        this.fences.delete(id);
        resolve(heard);
      };
      this.fences.set(id, () => settle(true));
      // One query at a time on the listening connection (pg queues them, and pg 9 will refuse overlapping ones).
      this.fenceSent = this.fenceSent
        .then(() => client.query(`SELECT pg_notify($1, $2)`, [this.fenceChannel, id]))
        .then(
          () => undefined,
          () => settle(false),
        );
    });
  }

  /**
   * Calls `hook` (before the channel's handlers) for every notice heard on any channel, fences excepted: a change
   * was committed (PublicReads then waits for the read standby to replay it).
   */
  heard(hook: () => void): void {
    this.heardHooks.push(hook);
  }

  /** Runs `hook` each time the connection listens again after it was lost, before it counts as connected. */
  onReconnect(hook: () => Promise<void>): void {
    this.reconnectHooks.push(hook);
  }

  /**
   * For what is kept from the database: calls `drop` on every notice on `channels`, and each time the connection
   * listens again after it was lost (notices sent meanwhile are lost, so nothing kept from before can be trusted).
   */
  onStale(channels: readonly string[], drop: () => void): void {
    for (const channel of channels) this.listen(channel, () => drop());
    this.onReconnect(() => Promise.resolve(drop()));
  }

  /** Whether notifications arrive (readiness): the connection listens, or nothing needs it. */
  connected(): boolean {
    return this.client !== undefined || this.handlers.size === 0;
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.retryTimer);
    clearInterval(this.heartbeat);
    const client = this.client;
    this.client = undefined;
    await client?.end().catch(() => undefined);
  }

  private async open(): Promise<void> {
    this.retryTimer = undefined;
    if (this.stopped) return;
    const client = new pg.Client({
      connectionString: this.config.DATABASE_URL,
      application_name: 'agenda-api-listen',
      connectionTimeoutMillis: 2000,
      keepAlive: true,
    });
    client.on('notification', ({ channel, payload }) => {
      if (channel !== this.fenceChannel) for (const hook of this.heardHooks) hook();
      for (const handler of this.handlers.get(channel) ?? []) handler(payload ?? '');
    });
    client.on('error', (error) => this.lost(client, error));
    client.on('end', () => this.lost(client, new Error('connection ended')));
    try {
      await client.connect();
      for (const channel of this.handlers.keys()) await client.query(`LISTEN ${pg.escapeIdentifier(channel)}`);
      if (this.listenedBefore) for (const hook of this.reconnectHooks) await hook();
    } catch (error) {
      this.lost(client, error as Error);
      return;
    }
    if (this.given.has(client) || this.stopped) return;
    if (this.failures > 0) this.logger.log('notification connection made again');
    this.client = client;
    this.listenedBefore = true;
    this.failures = 0;
    const every = this.config.NOTIFY_HEARTBEAT_MS;
    if (every > 0 && !this.heartbeat) this.heartbeat = setInterval(() => this.beat(every), every).unref();
  }

  /** One heartbeat: a fence, which a connection that still listens hears back within `withinMs`. */
  private beat(withinMs: number): void {
    const client = this.client;
    if (!client || this.beating) return;
    this.beating = true;
    void this.fence(withinMs).then((heard) => {
      this.beating = false;
      if (!heard && this.client === client) this.lost(client, new Error(`no notice heard back within ${withinMs} ms`));
    });
  }

  /** Gives the connection up (once) and makes another one after a short wait. */
  private lost(client: pg.Client, error: Error): void {
    if (this.stopped || this.given.has(client)) return;
    this.given.add(client);
    if (this.client === client) this.client = undefined;
    // A fence sent on a silent connection may never settle: the next connection's must not queue behind it.
    this.fenceSent = Promise.resolve();
    client.removeAllListeners('end');
    client.on('error', () => undefined);
    void client.end().catch(() => undefined);
    this.failures += 1;
    if (this.failures === 1) this.logger.warn(`notification connection lost (${error.message}); connecting again`);
    else reportDatabaseUnavailable(error);
    this.retryTimer = setTimeout(() => void this.open(), retryDelayMs(this.failures));
  }
}
