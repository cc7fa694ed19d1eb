import { type DynamicModule, Module } from '@nestjs/common';
import type { AppConfig } from '../config/app-config.js';
import { ConfigModule } from '../config/config.module.js';
import { DatabaseModule } from '../database/database.module.js';
import { SchedulesModule } from './schedules.module.js';

/**
 * What `npm run import` needs and nothing more: the database (migrations run) and the importers. No HTTP server,
 * no GraphQL, no first-start work (demo content, first admin). Webhook deliveries it queues stay in the outbox for
 * the service to send, if this process ends before it has.
 */
@Module({})
export class ImportCliModule {
  static forRoot(config: AppConfig): DynamicModule {
    return { module: ImportCliModule, imports: [ConfigModule.forRoot(config), DatabaseModule, SchedulesModule] };
  }
}
