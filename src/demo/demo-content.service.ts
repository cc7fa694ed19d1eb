import { readFileSync } from 'node:fs';
import { Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { AppConfig } from '../config/app-config.js';
import { DatabaseLifecycle } from '../database/database-lifecycle.service.js';
import { EventDocumentImportService } from '../imports/documents/event-document-import.service.js';
import { UsersService } from '../users/users.service.js';

const DEMO_EVENT = new URL('./tackling-serious-and-organised-crime-2019.json', import.meta.url);
/** Serialises first-start work across replicas starting at once. */
const FIRST_START_LOCK = 7_316_001;

/**
 * First start: creates the first admin from ADMIN_EMAIL/ADMIN_PASSWORD when there is no user, and loads the demo
 * event (published) into an empty database unless DEMO_CONTENT=false. Never twice: an event table with any row,
 * even a deleted one, counts as not empty. A start task (DatabaseLifecycle): it runs once the database answers and
 * the migrations ran, and the service is ready only after it.
 */
@Injectable()
export class DemoContentService implements OnModuleInit {
  private readonly logger = new Logger('FirstStart');

  constructor(
    private readonly config: AppConfig,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly documents: EventDocumentImportService,
    private readonly users: UsersService,
    private readonly database: DatabaseLifecycle,
  ) {}

  onModuleInit(): void {
    this.database.afterConnect('first start', () => this.firstStart());
  }

  private async firstStart(): Promise<void> {
    const runner = this.dataSource.createQueryRunner();
    await runner.connect();
    try {
      await runner.query('SELECT pg_advisory_lock($1)', [FIRST_START_LOCK]);
      if (this.config.ADMIN_EMAIL && this.config.ADMIN_PASSWORD) {
        if (await this.users.ensureFirstAdmin(this.config.ADMIN_EMAIL, this.config.ADMIN_PASSWORD)) {
          this.logger.log(`Created the first admin, ${this.config.ADMIN_EMAIL}`);
        }
      }
      if (this.config.DEMO_CONTENT) {
        const rows = (await runner.query('SELECT NOT EXISTS (SELECT 1 FROM events) AS empty')) as { empty: boolean }[];
        if (rows[0].empty) {
          const document: unknown = JSON.parse(readFileSync(DEMO_EVENT, 'utf8'));
          const event = await this.documents.importDocument(document, { publish: true, authorId: null });
          this.logger.log(`Loaded the demo event "${event.slug}"`);
        }
      }
    } finally {
      await runner.query('SELECT pg_advisory_unlock($1)', [FIRST_START_LOCK]).catch(() => undefined);
      await runner.release();
    }
  }
}
