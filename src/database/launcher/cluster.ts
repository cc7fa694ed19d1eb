import { spawn } from 'node:child_process';
import { chownSync, existsSync, mkdirSync, readdirSync, renameSync, rmdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { makeSearchableDirectory } from './directories.js';
import { EmbeddedPostgresError } from './launcher-error.js';
import type { PostgresAccount } from './postgres-account.js';
import type { PostgresBinaries } from './postgres-binaries.js';

function runInitdb(binaries: PostgresBinaries, args: string[], account?: PostgresAccount): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(binaries.initdb, args, {
      ...(account && { uid: account.uid, gid: account.gid }),
      cwd: dirname(binaries.initdb),
      env: { ...process.env, LC_MESSAGES: 'C' },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let output = '';
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => {
      if (code === 0) return resolve();
      const why = `initdb failed (exit code ${code}): ${output.slice(-600)}`;
      reject(new EmbeddedPostgresError(`${why}. Set DATABASE_URL to use another server.`));
    });
  });
}

/**
 * Makes a new cluster in `dir` (absent or empty) with initdb, as the account: password authentication, the given
 * superuser. initdb works in a sibling directory, renamed into place when done, so `dir` never holds a half-made
 * cluster; a directory that holds other files is never touched.
 */
export async function createCluster(options: {
  binaries: PostgresBinaries;
  dir: string;
  account?: PostgresAccount;
  user: string;
  password: string;
  durable: boolean;
}): Promise<void> {
  const { dir, account } = options;
  if (existsSync(dir) && readdirSync(dir).length > 0) {
    throw new EmbeddedPostgresError(
      `${dir} holds files but no PostgreSQL cluster (no PG_VERSION): move them away, or set EMBEDDED_POSTGRES_DIR ` +
        'to another directory.',
    );
  }
  const staging = `${dir}.initdb`;
  const passwordFile = `${dir}.pwfile`;
  try {
    makeSearchableDirectory(dirname(dir));
    rmSync(staging, { recursive: true, force: true }); // what a killed run left
    mkdirSync(staging, { mode: 0o700 });
    writeFileSync(passwordFile, `${options.password}\n`, { mode: 0o600 });
    if (account) for (const path of [staging, passwordFile]) chownSync(path, account.uid, account.gid);
  } catch (error) {
    rmSync(passwordFile, { force: true });
    throw new EmbeddedPostgresError(
      `Cannot make the embedded PostgreSQL's data directory ${dir} (${(error as Error).message}): set ` +
        'EMBEDDED_POSTGRES_DIR to a directory you can write, or DATABASE_URL to use another server.',
      { cause: error },
    );
  }
  try {
    await runInitdb(
      options.binaries,
      [
        `--pgdata=${staging}`,
        '--auth=password',
        `--username=${options.user}`,
        `--pwfile=${passwordFile}`,
        '--lc-messages=C',
        ...(options.durable ? [] : ['--no-sync']),
      ],
      account,
    );
  } finally {
    rmSync(passwordFile, { force: true });
  }
  if (existsSync(dir)) rmdirSync(dir);
  renameSync(staging, dir);
}
