import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { type EmbeddedDatabase, startEmbeddedPostgres } from '../../src/database/embedded-postgres.js';
import { running, serverPid } from './embedded-postgres-child.js';
import { freePort } from './free-port.mjs';

/** A PostgreSQL server of the test's own, on a fixed port, that it can kill (SIGKILL) and start again. */
export interface PrivatePostgres {
  port: number;
  /** postgres:// URL of database `agenda`. */
  url: string;
  /** Starts the server (again), on the same data and port. */
  start(): Promise<void>;
  /** Kills the server (postmaster and sessions, its process group) with SIGKILL, as a crash would. */
  kill(): Promise<void>;
  /** Stops it for good and removes its data. */
  remove(): Promise<void>;
}

/** A new private cluster, not started yet: `start()` it (or first test what happens while nothing answers). */
export async function privatePostgres(): Promise<PrivatePostgres> {
  const root = mkdtempSync(join(tmpdir(), 'agenda-faults-pg-'));
  chmodSync(root, 0o755); // as root, the postgres user makes its data directory in here
  const port = await freePort();
  let server: EmbeddedDatabase | undefined;
  let dataDir: string | undefined;
  const url = `postgres://postgres:postgres@127.0.0.1:${port}/agenda`;
  const options = {
    dir: join(root, 'data'),
    port,
    database: 'agenda',
    stateDir: join(root, 'state'),
    // fsync off loses nothing when only the server is killed (the kernel keeps what it wrote); every commit is kept.
    settings: { fsync: 'off' },
  };
  return {
    port,
    url,
    async start() {
      // Sessions of a killed postmaster may linger a moment and hold its shared memory: try again shortly.
      for (let attempt = 1; ; attempt++) {
        try {
          server = await startEmbeddedPostgres(options);
          dataDir = server.dataDir;
          return;
        } catch (error) {
          if (attempt >= 20) throw error;
          await sleep(250);
        }
      }
    },
    async kill() {
      if (!dataDir) return;
      const pid = serverPid(dataDir);
      // The launcher starts it in a process group of its own: a lone postmaster killed leaves sessions that still
      // answer their clients for a while.
      process.kill(-pid, 'SIGKILL');
      while (running(pid)) await sleep(20);
      server = undefined;
    },
    async remove() {
      await server?.stop();
      rmSync(root, { recursive: true, force: true });
    },
  };
}
