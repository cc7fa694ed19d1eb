import { Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { setTimeout as sleep } from 'node:timers/promises';
import { DataSource } from 'typeorm';
import { isDatabaseUnavailable } from '../common/errors/domain-error.js';
import { reportDatabaseUnavailable } from '../common/errors/service-unavailable.js';
import { AppConfig } from '../config/app-config.js';
import { dataSourceOptions } from './data-source-options.js';

/** Waits between tries to reach the database at start: short, so the service is ready soon after it answers. */
const RETRY_MS = 500;

/**
 * The service's life around its database. The process listens at once, database or not: in the background this
 * runs the pending migrations (on a connection of their own, without the service's statement timeout), opens the
 * pool, then runs the start tasks (`afterConnect`: first admin, demo content, ...), trying again every half second
 * while the database is out of reach; only then is the service ready. A failure that waiting does not cure (bad
 * credentials, a failing migration) ends the start instead (`started` rejects). On shutdown, readiness turns 503
 * first (`drain`) and requests are refused only later (`close`).
 */
@Injectable()
export class DatabaseLifecycle implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('Database');
  private readonly tasks: { name: string; run: () => Promise<void> }[] = [];
  private up = false;
  private draining = false;
  private closing = false;
  private inFlight = 0;
  private readonly idle: (() => void)[] = [];
  private stopped = false;
  private settle!: { resolve: () => void; reject: (error: unknown) => void };
  /** Resolves once the service is ready the first time; rejects when it cannot start. */
  readonly started = new Promise<void>((resolve, reject) => (this.settle = { resolve, reject }));

  constructor(
    private readonly config: AppConfig,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {
    this.started.catch(() => undefined); // the caller that started the app hears of it
  }

  /** Registers a start task (call it in a constructor or onModuleInit); tasks run in order, each once. */
  afterConnect(name: string, run: () => Promise<void>): void {
    this.tasks.push({ name, run });
  }

  /** Started and not shutting down: readiness. */
  get ready(): boolean {
    return this.up && !this.draining;
  }

  /** What readiness says when it is not ready. */
  get state(): 'starting' | 'ready' | 'shutting down' {
    if (this.draining) return 'shutting down';
    return this.up ? 'ready' : 'starting';
  }

  /** Requests are served: the start is done, and the listener is not closing. */
  get serving(): boolean {
    return this.up && !this.closing;
  }

  /** Shutdown, first step: readiness answers 503, requests are still served. */
  drain(): void {
    this.draining = true;
  }

  /**
   * Shutdown, second step: new requests are refused (503); resolves once those under way have finished, or after
   * `withinMs` at most.
   */
  async close(withinMs: number): Promise<void> {
    this.draining = true;
    this.closing = true;
    if (this.inFlight === 0) return;
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([
      new Promise<void>((resolve) => this.idle.push(resolve)),
      new Promise<void>((resolve) => (timer = setTimeout(resolve, withinMs))),
    ]);
    clearTimeout(timer);
  }

  /** Counts a request under way until `end` is called (serving-gate.ts). */
  requestStarted(): () => void {
    this.inFlight += 1;
    let ended = false;
    return () => {
      if (ended) return;
      ended = true;
      this.inFlight -= 1;
      if (this.inFlight === 0) for (const resolve of this.idle.splice(0)) resolve();
    };
  }

  onApplicationBootstrap(): void {
    void this.start().then(
      () => this.settle.resolve(),
      (error: unknown) => this.settle.reject(error),
    );
  }

  onApplicationShutdown(): void {
    this.stopped = true;
  }

  private async start(): Promise<void> {
    let waiting = false;
    while (!this.stopped) {
      try {
        if (!this.dataSource.isInitialized) {
          await this.migrate();
          if (this.stopped) return;
          await this.dataSource.initialize();
          // Closed meanwhile (a command that only builds the app, a signal): the pool must not keep it running.
          if (this.stopped) return void (await this.dataSource.destroy());
        }
        while (this.tasks.length > 0 && !this.stopped) {
          await this.tasks[0].run();
          this.tasks.shift();
        }
        if (this.stopped) return;
        this.up = true;
        if (waiting) this.logger.log('database reached: ready');
        return;
      } catch (error) {
        if (!isDatabaseUnavailable(error)) throw error;
        if (!waiting) this.logger.warn(`database out of reach at start; trying again every ${RETRY_MS} ms`);
        else reportDatabaseUnavailable(error);
        waiting = true;
        await sleep(RETRY_MS);
      }
    }
  }

  /** The pending migrations, on a data source of their own: a migration may take longer than a statement may. */
  private async migrate(): Promise<void> {
    const migrations = new DataSource(dataSourceOptions(this.config.DATABASE_URL!));
    await migrations.initialize();
    try {
      await migrations.runMigrations({ transaction: 'each' });
    } finally {
      await migrations.destroy();
    }
  }
}
