import { Logger } from '@nestjs/common';
import type { AppConfig } from '../config/app-config.js';
import { type EmbeddedDatabase, startEmbeddedPostgres } from './embedded-postgres.js';

/**
 * Makes config.DATABASE_URL usable: when it is unset, starts the embedded PostgreSQL (data kept in
 * EMBEDDED_POSTGRES_DIR) and points it there. Returns the embedded server, to stop on shutdown.
 */
export async function resolveDatabase(config: AppConfig): Promise<EmbeddedDatabase | undefined> {
  if (config.DATABASE_URL) return undefined;
  const logger = new Logger('Database');
  logger.log(`DATABASE_URL is unset: starting embedded PostgreSQL with its data in ${config.EMBEDDED_POSTGRES_DIR}`);
  const embedded = await startEmbeddedPostgres({
    dir: config.EMBEDDED_POSTGRES_DIR,
    port: config.EMBEDDED_POSTGRES_PORT,
    database: 'agenda',
    log: (message) => logger.log(message),
  });
  config.DATABASE_URL = embedded.url;
  return embedded;
}
