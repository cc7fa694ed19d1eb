import { spawnSync } from 'node:child_process';
import type { PostgresAccount } from './postgres-account.js';

/** Runs the command as the account and says whether it succeeded: reachability is tried, never guessed from modes. */
function succeedsAs(account: PostgresAccount, command: string, args: string[]): boolean {
  const result = spawnSync(command, args, {
    uid: account.uid,
    gid: account.gid,
    cwd: '/',
    stdio: 'ignore',
    timeout: 10_000,
  });
  return result.error === undefined && result.status === 0;
}

/** Whether the account can run this PostgreSQL server binary, its libraries included. */
export function canRun(account: PostgresAccount, postgres: string): boolean {
  return succeedsAs(account, postgres, ['--version']);
}

/** Whether the account can enter the directory (and so every directory above it). */
export function canEnter(account: PostgresAccount, dir: string): boolean {
  return succeedsAs(account, '/bin/sh', ['-c', 'cd -- "$1"', 'probe', dir]);
}

/** Whether the account can run a server on the cluster in `dir`: PostgreSQL wants it owned and writable by its user. */
export function canOwnCluster(account: PostgresAccount, dir: string): boolean {
  return succeedsAs(account, '/bin/sh', [
    '-c',
    'cd -- "$1" && test -O . && test -w . && test -r PG_VERSION',
    'probe',
    dir,
  ]);
}
