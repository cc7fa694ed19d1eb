import { chmodSync, mkdtempSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { freePort } from './free-port.mjs';
import { buildLauncher } from './launcher-build.mjs';

/**
 * Connections one jest worker may want at once, with room to spare: an app's pool opens up to 10 on demand (plus one
 * LISTEN connection), and first-start.e2e-spec runs three apps on one database; the whole suite with 3 or 4 workers
 * was measured at 12-17 connections at most.
 */
const PER_WORKER = 24;
const MAX_CONNECTIONS = 300;

/** A server given by DATABASE_URL is not ours to configure: say so when it may turn connections away. */
async function warnOfConnectionLimit(url, workers) {
  const { default: pg } = await import('pg');
  const client = new pg.Client({ connectionString: url });
  try {
    await client.connect();
    const { rows } = await client.query(
      `SELECT current_setting('max_connections')::int - current_setting('superuser_reserved_connections')::int AS n`,
    );
    if (rows[0].n < workers * PER_WORKER) {
      console.warn(
        `\nDATABASE_URL's server takes ${rows[0].n} connections; ${workers} jest workers may need up to ` +
          `${workers * PER_WORKER}. Raise its max_connections or run fewer workers (--maxWorkers).`,
      );
    }
  } catch {
    // Unreachable or not allowed to ask: the tests will say so.
  } finally {
    await client.end().catch(() => undefined);
  }
}

/**
 * The PostgreSQL server the tests use: DATABASE_URL when set (CI points it at the machine's service), else a
 * throw-away server from the app's own embedded PostgreSQL launcher (compiled here, as jest does not load a global
 * setup's TypeScript imports), which also works as root from a private clone. Each test file then creates its own
 * database on it.
 */
export default async function globalSetup(globalConfig) {
  if (process.env.DATABASE_URL) {
    process.env.AGENDA_TEST_SERVER_URL = process.env.DATABASE_URL;
    await warnOfConnectionLimit(process.env.DATABASE_URL, globalConfig.maxWorkers);
    return;
  }
  const dir = mkdtempSync(join(tmpdir(), 'agenda-test-pg-'));
  chmodSync(dir, 0o755); // as root, the postgres user makes its data directory in here
  symlinkSync(fileURLToPath(new URL('../../node_modules', import.meta.url)), join(dir, 'node_modules'));
  const { startEmbeddedPostgres } = await import(pathToFileURL(buildLauncher(join(dir, 'launcher'))).href);
  const server = await startEmbeddedPostgres({
    dir: join(dir, 'data'),
    port: await freePort(),
    database: 'postgres',
    persistent: false,
    // Files run in parallel, each with its own app(s), and each app has a pool of up to 10 connections.
    settings: { fsync: 'off', max_connections: String(MAX_CONNECTIONS) },
  });
  globalThis.__AGENDA_TEST_PG__ = { server, dir };
  process.env.AGENDA_TEST_SERVER_URL = server.url;
}
