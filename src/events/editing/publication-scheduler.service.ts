import { Injectable, Logger, type OnApplicationShutdown, type OnModuleInit } from '@nestjs/common';
import { InjectEntityManager } from '@nestjs/typeorm';
import type { EntityManager } from 'typeorm';
import { isDatabaseUnavailable } from '../../common/errors/domain-error.js';
import { reportDatabaseUnavailable } from '../../common/errors/service-unavailable.js';
import { AppConfig } from '../../config/app-config.js';
import { DatabaseLifecycle } from '../../database/database-lifecycle.service.js';
import { dueSchedules } from '../data/publication-schedule-rows.js';
import { EventWriter } from './event-writer.service.js';

/** Due schedules handled per pass; the rest wait for the next one. */
const PER_PASS = 20;

/**
 * Carries out scheduled publications (schedulePublication) when they are due: every replica looks every
 * PUBLICATION_SCHEDULE_POLL_MS, and at start (so a time that passed while none ran is caught up late, never
 * skipped); EventWriter.runSchedule claims each due time in the publishing transaction, so it happens once.
 */
@Injectable()
export class PublicationScheduler implements OnModuleInit, OnApplicationShutdown {
  private readonly logger = new Logger('Scheduler');
  private timer?: NodeJS.Timeout;
  private running?: Promise<void>;

  constructor(
    @InjectEntityManager() private readonly manager: EntityManager,
    private readonly config: AppConfig,
    private readonly database: DatabaseLifecycle,
    private readonly writer: EventWriter,
  ) {}

  onModuleInit(): void {
    this.database.afterConnect('publication scheduler', () => {
      this.timer = setInterval(() => this.wake(), this.config.PUBLICATION_SCHEDULE_POLL_MS);
      this.wake();
      return Promise.resolve();
    });
  }

  async onApplicationShutdown(): Promise<void> {
    clearInterval(this.timer);
    this.timer = undefined;
    await this.running;
  }

  /** One pass, unless one is under way. */
  private wake(): void {
    this.running ??= this.pass()
      .catch((error: unknown) => {
        if (isDatabaseUnavailable(error)) reportDatabaseUnavailable(error);
        else this.logger.error(`scheduled publication failed: ${String(error)}`);
      })
      .finally(() => (this.running = undefined));
  }

  private async pass(): Promise<void> {
    for (const eventId of await dueSchedules(this.manager, PER_PASS)) {
      if (!this.timer) return; // shutting down
      try {
        await this.writer.runSchedule(eventId);
      } catch (error) {
        // One event that cannot be published (it stays due, and is tried again next time) holds up no other.
        if (isDatabaseUnavailable(error)) throw error;
        this.logger.error(`scheduled publication of event ${eventId} failed: ${String(error)}`);
      }
    }
  }
}
