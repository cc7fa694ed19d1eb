import { Injectable, Logger, type BeforeApplicationShutdown, type OnModuleInit } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AppConfig } from '../config/app-config.js';
import { RateLimiter, type WindowCount } from './rate-limiter.js';

/**
 * The anonymous read budget of every client address, shared by every replica through PostgreSQL: each second
 * this replica adds the points it counted to `rate_limit_counts` and reads back every replica's totals, in one
 * statement. Requests never wait on it; while the database is out of reach each replica goes on counting alone.
 */
@Injectable()
export class RateLimitSync implements OnModuleInit, BeforeApplicationShutdown {
  readonly limiter: RateLimiter;
  private readonly logger = new Logger('RateLimits');
  private timer?: NodeJS.Timeout;
  private running?: Promise<void>;
  private failing = false;
  private lastPrune = 0;

  constructor(
    config: AppConfig,
    private readonly db: DataSource,
  ) {
    this.limiter = new RateLimiter({ points: config.RATE_LIMIT_POINTS, windowMs: config.RATE_LIMIT_WINDOW_S * 1000 });
    this.intervalMs = config.RATE_LIMIT_SYNC_MS;
  }

  private readonly intervalMs: number;

  onModuleInit(): void {
    this.timer = setInterval(() => void this.sync(), this.intervalMs);
    this.timer.unref();
  }

  async beforeApplicationShutdown(): Promise<void> {
    clearInterval(this.timer);
    await this.running;
    await this.sync();
  }

  /** One exchange with the store (tests call it to share counts at once). */
  sync(): Promise<void> {
    this.running ??= this.exchange().finally(() => (this.running = undefined));
    return this.running;
  }

  private async exchange(): Promise<void> {
    const drained = this.limiter.drain();
    if (drained.length === 0) return;
    try {
      const totals = await this.db.query<{ key: string; window: string; points: number }[]>(
        `INSERT INTO rate_limit_counts (key, window_index, points)
         SELECT * FROM unnest($1::text[], $2::bigint[], $3::int[])
         ON CONFLICT (key, window_index) DO UPDATE SET points = rate_limit_counts.points + excluded.points
         RETURNING key, window_index AS "window", points`,
        [drained.map((d) => d.key), drained.map((d) => d.window), drained.map((d) => d.points)],
      );
      this.limiter.absorb(totals.map((t): WindowCount => ({ key: t.key, window: Number(t.window), points: t.points })));
      if (this.failing) this.logger.log('rate-limit counts shared again');
      this.failing = false;
      await this.prune(drained[drained.length - 1].window);
    } catch (error) {
      this.limiter.restore(drained);
      if (!this.failing) this.logger.warn(`rate-limit counts not shared: ${(error as Error).message}`);
      this.failing = true;
    }
  }

  /** Windows before the previous one are dropped, by whichever replica gets there first, once a window. */
  private async prune(current: number): Promise<void> {
    if (this.lastPrune === current) return;
    this.lastPrune = current;
    await this.db.query(`DELETE FROM rate_limit_counts WHERE window_index < $1`, [current - 1]);
  }
}
