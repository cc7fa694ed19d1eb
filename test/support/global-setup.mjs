import { chmodSync, mkdtempSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { freePort } from './free-port.mjs';
import { buildLauncher } from './launcher-build.mjs';

/**
 * The PostgreSQL server the tests use: DATABASE_URL when set (CI points it at the machine's service), else a
 * throw-away server from the app's own embedded PostgreSQL launcher (compiled here, as jest does not load a global
 * setup's TypeScript imports), which also works as root from a private clone. Each test file then creates its own
 * database on it.
 */
export default async function globalSetup() {
  if (process.env.DATABASE_URL) {
    process.env.AGENDA_TEST_SERVER_URL = process.env.DATABASE_URL;
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
    settings: { fsync: 'off' },
  });
  globalThis.__AGENDA_TEST_PG__ = { server, dir };
  process.env.AGENDA_TEST_SERVER_URL = server.url;
}
