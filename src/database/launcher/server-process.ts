import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { dirname } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import pg from 'pg';
import { EmbeddedPostgresError } from './launcher-error.js';
import type { PostgresAccount } from './postgres-account.js';
import type { PostgresBinaries } from './postgres-binaries.js';

/** A PostgreSQL server this process started. */
export interface ServerProcess {
  stop(): Promise<void>;
}

const READY_WITHIN_MS = 60_000;

/** What PostgreSQL's log says went wrong: its errors, hints and failures ("could not …"). */
function reasons(log: string[]): string {
  const telling = log.flatMap(
    (line) => /\b(?:FATAL|PANIC|ERROR|HINT):\s+(.*)|\bLOG:\s+(could not .*)/.exec(line)?.slice(1).filter(Boolean) ?? [],
  );
  return (telling.length ? telling : log.slice(-3)).join(' ') || 'it exited';
}

function hasExited(child: ChildProcess): boolean {
  return child.exitCode !== null || child.signalCode !== null;
}

/** Whether the server on `dataDir` answers at `url`: another server on that port (with the same password) does not. */
async function answers(url: string, dataDir: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 2_000 });
  client.on('error', () => undefined);
  try {
    await client.connect();
    const { rows } = await client.query<{ dir: string }>(`SELECT current_setting('data_directory') AS dir`);
    return rows[0]?.dir === dataDir;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}

/**
 * Starts the PostgreSQL server on `dataDir` as the account, on 127.0.0.1 only and with no unix socket, and waits
 * until `url` answers. It runs in a process group of its own, so a Ctrl-C in the terminal reaches the app, which
 * closes and then stops it, and not PostgreSQL at once.
 */
export async function startServer(options: {
  binaries: PostgresBinaries;
  dataDir: string;
  account?: PostgresAccount;
  port: number;
  settings: Record<string, string>;
  url: string;
}): Promise<ServerProcess> {
  const settings = { listen_addresses: '127.0.0.1', unix_socket_directories: '', ...options.settings };
  const child = spawn(
    options.binaries.postgres,
    [
      '-D',
      options.dataDir,
      '-p',
      String(options.port),
      ...Object.entries(settings).flatMap(([k, v]) => ['-c', `${k}=${v}`]),
    ],
    {
      ...(options.account && { uid: options.account.uid, gid: options.account.gid }),
      cwd: dirname(options.binaries.postgres),
      env: { ...process.env, LC_MESSAGES: 'C' },
      stdio: ['ignore', 'ignore', 'pipe'],
      detached: true,
    },
  );
  const log: string[] = [];
  child.stderr?.on('data', (chunk: Buffer) => {
    log.push(...chunk.toString().split('\n').filter(Boolean));
    log.splice(0, log.length - 50);
  });
  let spawnError: Error | undefined;
  child.on('error', (error) => (spawnError = error));

  const failed = (why: string) =>
    new EmbeddedPostgresError(
      `The embedded PostgreSQL did not start on port ${options.port} with data in ${options.dataDir}: ${why}. ` +
        'Is another server using that port? Set EMBEDDED_POSTGRES_PORT to a free port, or DATABASE_URL to use ' +
        'another server.',
    );
  for (const end = Date.now() + READY_WITHIN_MS; !(await answers(options.url, options.dataDir)); await sleep(100)) {
    if (spawnError) throw failed(spawnError.message);
    if (hasExited(child)) throw failed(reasons(log));
    if (Date.now() > end) {
      child.kill('SIGKILL');
      throw failed(`no answer within ${READY_WITHIN_MS / 1000} s (${reasons(log)})`);
    }
  }
  log.length = 0;
  child.stderr?.removeAllListeners('data');
  child.stderr?.resume();

  return {
    async stop() {
      if (hasExited(child)) return;
      const exit = once(child, 'exit');
      child.kill('SIGINT'); // fast shutdown: ends the sessions, writes a checkpoint
      const slow = setTimeout(() => child.kill('SIGKILL'), 30_000);
      await exit;
      clearTimeout(slow);
    },
  };
}
