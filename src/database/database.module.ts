import { Global, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { reportDatabaseUnavailable } from '../common/errors/service-unavailable.js';
import { AppConfig } from '../config/app-config.js';
import { DatabaseLifecycle } from './database-lifecycle.service.js';
import { dataSourceOptions } from './data-source-options.js';
import { NotificationsService } from './notifications.service.js';
import { PublicReads } from './public-reads.js';
import { SharedRecordWrites } from './shared-record-writes.js';
import { WriteTransactions } from './write-transactions.js';

/**
 * PostgreSQL through TypeORM, connected in the background (DatabaseLifecycle: pending migrations, then the pool,
 * then the start tasks), so the service listens and answers health checks while the database is out of reach;
 * LISTEN/NOTIFY; the bound on concurrent write transactions; and the read standby of anonymous public reads.
 */
@Global()
@Module({
  imports: [
    TypeOrmModule.forRootAsync({
      inject: [AppConfig],
      useFactory: (config: AppConfig) => {
        if (!config.DATABASE_URL) throw new Error('DATABASE_URL must be resolved before the app starts');
        const limits = {
          size: config.DATABASE_POOL_SIZE,
          statementTimeoutMs: config.DATABASE_STATEMENT_TIMEOUT_MS,
          checkoutTimeoutMs: config.DATABASE_POOL_TIMEOUT_MS,
        };
        return {
          ...dataSourceOptions(config.DATABASE_URL, limits),
          manualInitialization: true,
          // An idle pooled connection the server ended (an outage): one rate-limited warning, not one per connection.
          poolErrorHandler: reportDatabaseUnavailable,
        };
      },
    }),
  ],
  providers: [NotificationsService, DatabaseLifecycle, WriteTransactions, PublicReads, SharedRecordWrites],
  exports: [NotificationsService, DatabaseLifecycle, WriteTransactions, PublicReads, SharedRecordWrites],
})
export class DatabaseModule {}
