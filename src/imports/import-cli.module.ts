import { type DynamicModule, Module } from '@nestjs/common';
import type { AppConfig } from '../config/app-config.js';
import { ConfigModule } from '../config/config.module.js';
import { DatabaseModule } from '../database/database.module.js';
import { ImportsModule } from './imports.module.js';

/**
 * What `npm run import` needs and nothing more: the database (migrations run) and the importers. No HTTP server,
 * no GraphQL, no first-start work (demo content, first admin), no webhook dispatcher: the change notices it writes
 * are fanned out to webhooks and sent by the running service (or by the next one to start).
 */
@Module({})
export class ImportCliModule {
  static forRoot(config: AppConfig): DynamicModule {
    return { module: ImportCliModule, imports: [ConfigModule.forRoot(config), DatabaseModule, ImportsModule] };
  }
}
