import { Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { setTimeout as sleep } from 'node:timers/promises';
import { DataSource } from 'typeorm';
import { isDatabaseUnavailable } from '../common/errors/domain-error.js';
import { AppConfig } from '../config/app-config.js';
import { NotificationsService } from './notifications.service.js';

/** How often the standby's health and lag are probed. */
const PROBE_MS = 500;
/** How often a read waiting for the standby to replay a change asks it again. */
const REPLAY_POLL_MS = 5;
/** A position no standby reaches: reads go to the primary until a probe knows better. */
const UNKNOWN = 2n ** 64n;

/** A WAL position (`16/B374D848`) as a number. */
export const lsn = (text: string): bigint => {
  const [high, low] = text.split('/');
  return (BigInt(`0x${high}`) << 32n) + BigInt(`0x${low}`);
};

/** Errors after which a statement is run again on the primary: the standby is gone, or cancelled it (replay). */
const standbyFailed = (error: unknown): boolean =>
  isDatabaseUnavailable(error) ||
  (error as { driverError?: { code?: string } }).driverError?.code === '40001' || // conflict with recovery
  /DataSource is not initialized|Connection terminated/i.test((error as Error).message ?? '');

/**
 * Where anonymous reads of published data run: on the streaming hot standby of DATABASE_READ_URL when there is
 * one and it is fit, else on the primary. Fit means: it answers, its replay is at most DATABASE_READ_MAX_LAG_MS
 * behind (probed every half second), and it has replayed every change this replica has heard of. Each change
 * notice (NotificationsService.heard) takes the primary's WAL position, which is past the notice's commit; a read
 * after it waits (at most DATABASE_READ_MAX_LAG_MS) for the standby to replay that far, else reads the primary, so
 * a cache refilled after an invalidation never holds what the change replaced. A statement the standby fails (it
 * went away, or cancelled it for replay) runs again on the primary at once; the probe brings the standby back.
 * Writes, and everything signed in, never come here: they read the primary.
 */
@Injectable()
export class PublicReads implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('PublicReads');
  private standby?: DataSource;
  private fit = false;
  /** The newest position the standby was seen to have replayed. */
  private replayed = 0n;
  /** What the standby must have replayed before it may answer: the position after the last notice heard. */
  private needed: Promise<bigint> = Promise.resolve(0n);
  private neededNow = 0n;
  /** Primary positions sampled by the probe, oldest first: how long ago the standby's replay was current. */
  private readonly samples: { at: number; position: bigint }[] = [];
  private polling?: Promise<undefined>;
  private timer?: NodeJS.Timeout;
  private stopped = false;

  constructor(
    private readonly config: AppConfig,
    @InjectDataSource() private readonly primary: DataSource,
    private readonly notifications: NotificationsService,
  ) {}

  onApplicationBootstrap(): void {
    if (!this.config.DATABASE_READ_URL) return;
    this.notifications.heard(() => this.changed());
    // Notices sent while the LISTEN connection was down are lost: assume a change.
    this.notifications.onReconnect(() => Promise.resolve(this.changed()));
    this.timer = setInterval(() => void this.probe(), PROBE_MS);
    this.timer.unref();
    void this.probe();
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopped = true;
    clearInterval(this.timer);
    await this.standby?.destroy().catch(() => undefined);
  }

  /** A read for the caller: on the primary for a signed-in one (editors read their own writes), else `query`. */
  queryFor<T = unknown>(signedIn: boolean, sql: string, params: unknown[] = []): Promise<T> {
    return signedIn ? this.primary.query<T>(sql, params) : this.query<T>(sql, params);
  }

  /** Runs one read-only statement of published data where it is best answered (see the class). */
  async query<T = unknown>(sql: string, params: unknown[] = []): Promise<T> {
    const standby = await this.usable();
    if (standby) {
      try {
        return await standby.query<T>(sql, params);
      } catch (error) {
        if (!standbyFailed(error)) throw error;
        this.out(error as Error);
      }
    }
    return this.primary.query<T>(sql, params);
  }

  /** The standby, when it may answer now; waits (bounded) for it to replay the last change heard of. */
  private async usable(): Promise<DataSource | undefined> {
    const standby = this.standby;
    // While notices do not arrive, what the standby lacks cannot be known.
    if (!standby || !this.fit || !this.notifications.connected()) return undefined;
    const needed = await this.needed;
    if (this.replayed >= needed) return standby;
    const deadline = Date.now() + this.config.DATABASE_READ_MAX_LAG_MS;
    while (this.replayed < needed && this.fit && Date.now() < deadline) {
      await (this.polling ??= this.pollReplay(standby).then(() => (this.polling = undefined)));
      if (this.replayed < needed) await sleep(REPLAY_POLL_MS);
    }
    return this.replayed >= needed && this.fit ? standby : undefined;
  }

  /** A change was committed: the standby must replay at least up to where the primary is now. */
  private changed(): void {
    const before = this.neededNow;
    this.needed = this.primaryPosition().then(
      (position) => {
        this.neededNow = position > before ? position : before;
        return this.neededNow;
      },
      () => (this.neededNow = UNKNOWN), // the next probe replaces it
    );
  }

  private async primaryPosition(): Promise<bigint> {
    const [row]: { p: string }[] = await this.primary.query(`SELECT pg_current_wal_lsn()::text AS p`);
    return lsn(row.p);
  }

  /**
   * Asks the standby how far it has replayed; returns how old its replay is by its own clock (the last replayed
   * commit's time), or undefined when it did not answer (it is then out).
   */
  private async pollReplay(standby: DataSource): Promise<number | undefined> {
    try {
      const [row]: { r: string | null; ms: number | null }[] = await standby.query(
        `SELECT pg_last_wal_replay_lsn()::text AS r,
                extract(epoch FROM clock_timestamp() - pg_last_xact_replay_timestamp()) * 1000 AS ms`,
      );
      if (row.r === null) throw new Error('it is not a standby (pg_last_wal_replay_lsn() is null)');
      const replayed = lsn(row.r);
      if (replayed > this.replayed) this.replayed = replayed;
      return row.ms === null ? Infinity : Number(row.ms);
    } catch (error) {
      this.out(error as Error);
      return undefined;
    }
  }

  /**
   * Connects when needed, then measures how stale the standby may be: nothing when it has replayed as far as the
   * primary was when asked; else at most the age of the newest primary position it has replayed (sampled here
   * every probe), and at most the age of its last replayed commit. Fit when that is within DATABASE_READ_MAX_LAG_MS.
   */
  private async probe(): Promise<void> {
    if (this.stopped || !this.primary.isInitialized) return;
    try {
      const standby = this.standby ?? (await this.connect());
      const at = Date.now();
      const position = await this.primaryPosition();
      this.samples.push({ at, position });
      if (this.samples.length > 100) this.samples.shift();
      const replayAgeMs = await this.pollReplay(standby);
      if (replayAgeMs === undefined) return;
      if (this.neededNow === UNKNOWN) this.needed = Promise.resolve((this.neededNow = position));
      while (this.samples.length > 1 && this.samples[1].position <= this.replayed) this.samples.shift();
      // Replayed as far as the primary was when asked: current (however long asking took). Else: behind by at most
      // the age of the newest position it has replayed, and at most the age of its last replayed commit.
      const lagMs = this.replayed >= position ? 0 : Math.min(Date.now() - this.samples[0].at, replayAgeMs);
      const fit = lagMs <= this.config.DATABASE_READ_MAX_LAG_MS;
      if (fit && !this.fit) this.logger.log(`${this.where()} answers public reads`);
      if (!fit && this.fit)
        this.logger.warn(`${this.where()} lags ${Math.round(lagMs)} ms: public reads go to the primary`);
      this.fit = fit;
    } catch (error) {
      this.out(error as Error);
    }
  }

  private async connect(): Promise<DataSource> {
    const standby = new DataSource({
      type: 'postgres',
      url: this.config.DATABASE_READ_URL,
      logging: ['warn'],
      extra: {
        max: this.config.DATABASE_POOL_SIZE,
        connectionTimeoutMillis: this.config.DATABASE_POOL_TIMEOUT_MS,
        application_name: 'agenda-api-reads',
        statement_timeout: this.config.DATABASE_STATEMENT_TIMEOUT_MS,
      },
      poolErrorHandler: () => this.out(new Error('an idle connection ended')),
    });
    try {
      await standby.initialize();
    } catch (error) {
      await standby.destroy().catch(() => undefined);
      throw error;
    }
    if (this.stopped) {
      await standby.destroy();
      throw new Error('stopped');
    }
    this.standby = standby;
    return standby;
  }

  /** The standby failed: reads go to the primary until a probe finds it fit again. */
  private out(error: Error): void {
    if (this.fit) this.logger.warn(`${this.where()} failed (${error.message}): public reads go to the primary`);
    this.fit = false;
  }

  private where(): string {
    const url = new URL(this.config.DATABASE_READ_URL!);
    return `the read standby ${url.hostname}:${url.port || 5432}`;
  }
}
