import { Global, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AppConfig } from '../config/app-config.js';
import { dataSourceOptions } from './data-source-options.js';
import { NotificationsService } from './notifications.service.js';

/** PostgreSQL through TypeORM (pending migrations run at start), and LISTEN/NOTIFY. */
@Global()
@Module({
  imports: [
    TypeOrmModule.forRootAsync({
      inject: [AppConfig],
      useFactory: (config: AppConfig) => {
        if (!config.DATABASE_URL) throw new Error('DATABASE_URL must be resolved before the app starts');
        return { ...dataSourceOptions(config.DATABASE_URL), migrationsRun: true };
      },
    }),
  ],
  providers: [NotificationsService],
  exports: [NotificationsService],
})
export class DatabaseModule {}
