import type { DataSourceOptions } from 'typeorm';
import { MIGRATIONS } from '../../migrations/index.js';

/** The one set of TypeORM options, shared by the app and the migration CLI. Never `synchronize`. */
export function dataSourceOptions(url: string): DataSourceOptions {
  return {
    type: 'postgres',
    url,
    synchronize: false,
    migrations: MIGRATIONS,
    migrationsTableName: 'migrations',
    migrationsTransactionMode: 'each',
    logging: ['error', 'warn', 'migration'],
    extra: { max: 10, connectionTimeoutMillis: 5000, application_name: 'agenda-api' },
  };
}
