import type { DataSourceOptions } from 'typeorm';
import { MIGRATIONS } from '../../migrations/index.js';
import { ENTITIES } from './entities.js';

/** The service's bounds on its pool (AppConfig); the migration CLI and the migrations run at start have none. */
export interface PoolLimits {
  size: number;
  /** statement_timeout and lock_timeout of every session. */
  statementTimeoutMs: number;
  /** How long a checkout (or a new connection) may take. */
  checkoutTimeoutMs: number;
}

/** The one set of TypeORM options, shared by the app and the migration CLI. Never `synchronize`. */
export function dataSourceOptions(url: string, limits?: PoolLimits): DataSourceOptions {
  const bounded = limits && {
    statement_timeout: limits.statementTimeoutMs,
    lock_timeout: limits.statementTimeoutMs,
  };
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
    extra: {
      max: limits?.size ?? 10,
      connectionTimeoutMillis: limits?.checkoutTimeoutMs ?? 5000,
      application_name: 'agenda-api',
      ...bounded,
    },
  };
}
