import type { DataSourceOptions } from 'typeorm';
import { MIGRATIONS } from '../../migrations/index.js';
import { ENTITIES } from './entities.js';

/** The one set of TypeORM options, shared by the app and the migration CLI. Never `synchronize`. */
export function dataSourceOptions(url: string): DataSourceOptions {
  return {
    type: 'postgres',
    url,
    synchronize: false,
    entities: ENTITIES,
    uuidExtension: 'pgcrypto',
    migrations: MIGRATIONS,
    migrationsTableName: 'migrations',
    migrationsTransactionMode: 'each',
    // Not 'error': a failed query is logged once, by the GraphQL error plugin, without its parameters.
    logging: ['warn', 'migration'],
    extra: { max: 10, connectionTimeoutMillis: 5000, application_name: 'agenda-api' },
  };
}
