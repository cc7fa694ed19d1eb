import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { ServiceUnavailableError } from '../common/errors/domain-error.js';
import { reportDatabaseUnavailable } from '../common/errors/service-unavailable.js';
import { AppConfig } from '../config/app-config.js';
import { NotificationsService } from './notifications.service.js';

/**
 * Every write transaction of the service runs here: at most DATABASE_WRITE_CONNECTIONS at once, the others wait
 * their turn (DATABASE_POOL_TIMEOUT_MS at most, then 503). Writes hold their connection for a whole transaction and
 * come in bursts; bounded like this, they never take more than that share of the pool, and reads (most of the
 * traffic, one short statement each) always find a connection (docs/operations.md). With the response cache on,
 * a write returns once this replica has heard its change notices (NotificationsService.fence).
 */
@Injectable()
export class WriteTransactions {
  private active = 0;
  private readonly queue: (() => void)[] = [];

  constructor(
    private readonly config: AppConfig,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly notifications: NotificationsService,
  ) {}

  /**
   * Runs `work` in a transaction of its own, when a write slot is free. With `notices` (the default), it returns
   * once this replica has heard what the transaction NOTIFYed (its caches invalidated, the standby told to wait
   * for it), so that its caller reads its own write; a write that announces nothing (a sign-in attempt) says
   * `notices: false`.
   */
  async run<T>(work: (manager: EntityManager) => Promise<T>, { notices = true } = {}): Promise<T> {
    await this.turn();
    let result: T;
    try {
      result = await this.dataSource.transaction(work);
    } catch (error) {
      // The transaction's connection broke (the server went away) and TypeORM let it go: its next statement says
      // so in its own words. The transaction was rolled back; the client may try again.
      if (/^QueryRunner(Provider)?AlreadyReleasedError$/.test((error as Error).name)) {
        reportDatabaseUnavailable(error);
        throw new ServiceUnavailableError();
      }
      throw error;
    } finally {
      const next = this.queue.shift();
      if (next) next();
      else this.active -= 1;
    }
    // (After the slot is free: hearing the notice takes no connection of the pool.)
    // (With a read standby too: PublicReads hears the notice and makes later anonymous reads wait for its replay.)
    if (notices) await this.notifications.fence();
    return result;
  }

  /** A slot now, or the next one freed (it passes straight to the first in the queue). */
  private turn(): Promise<void> {
    if (this.active < this.config.DATABASE_WRITE_CONNECTIONS) {
      this.active += 1;
      return Promise.resolve();
    }
    return new Promise((resolve, reject) => {
      const go = () => {
        clearTimeout(timer);
        resolve();
      };
      const timer = setTimeout(() => {
        this.queue.splice(this.queue.indexOf(go), 1);
        const error = new ServiceUnavailableError();
        reportDatabaseUnavailable(new Error('write transactions queued past DATABASE_POOL_TIMEOUT_MS'));
        reject(error);
      }, this.config.DATABASE_POOL_TIMEOUT_MS);
      this.queue.push(go);
    });
  }
}
