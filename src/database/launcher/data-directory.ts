import { createHash } from 'node:crypto';
import { lchownSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import { copyOnce } from './copy-once.js';
import { hasCluster, nearestExisting } from './directories.js';
import { EmbeddedPostgresError } from './launcher-error.js';
import { runningServer } from './leftover-server.js';
import type { PostgresAccount } from './postgres-account.js';
import { canEnter, canOwnCluster } from './probe.js';
import { stateDirectory } from './state-directory.js';

/** Whether the account can run a server on `dir`, or make a new cluster there: tried as that account. */
function usableBy(account: PostgresAccount, dir: string): boolean {
  return hasCluster(dir) ? canOwnCluster(account, dir) : canEnter(account, nearestExisting(dir));
}

/** Not root: PostgreSQL runs as this user, who must own an existing data directory. */
function checkOwnDirectory(dir: string): void {
  const owner = statSync(dir, { throwIfNoEntry: false })?.uid;
  if (owner === undefined || owner === process.getuid?.()) return;
  throw new EmbeddedPostgresError(
    `${dir} belongs to another user (uid ${owner}; made by an earlier run as root?), and PostgreSQL runs as its ` +
      'owner: start as that user, or set EMBEDDED_POSTGRES_DIR to another directory.',
  );
}

/**
 * Where the cluster lives: the configured directory `dir` when the account that runs PostgreSQL can use it. Else
 * (root, and the `postgres` user cannot reach `dir`, e.g. in a clone under /root) a directory of its own in the
 * state directory, named by a hash of `dir`'s path, so each configured directory keeps its own cluster there. A
 * cluster already in `dir` is copied there once (never moved: `dir` is left as it was); from then on that copy is the
 * one used, even should `dir` become reachable.
 */
export function usableDataDirectory(options: {
  dir: string;
  account?: PostgresAccount;
  stateDir: string;
  log: (message: string) => void;
}): string {
  const { dir, account } = options;
  if (statSync(dir, { throwIfNoEntry: false })?.isDirectory() === false) {
    throw new EmbeddedPostgresError(
      `${dir} is not a directory: set EMBEDDED_POSTGRES_DIR to a directory for the embedded PostgreSQL's data.`,
    );
  }
  if (!account) {
    checkOwnDirectory(dir);
    return dir;
  }
  const key = createHash('sha256').update(dir).digest('hex').slice(0, 16);
  const own = join(options.stateDir, `data-${key}`);
  if (!hasCluster(own) && usableBy(account, dir)) return dir;
  stateDirectory(account, options.stateDir);
  let copied = false;
  if (!hasCluster(own) && hasCluster(dir)) {
    const pid = runningServer(dir);
    if (pid !== undefined) {
      throw new EmbeddedPostgresError(
        `A PostgreSQL server (pid ${pid}) runs on ${dir}, which user ${account.name} cannot reach: ` +
          'stop it and start again, to run on a copy of its data.',
      );
    }
    copied = copyOnce(dir, own, {
      adjust: (path) => lchownSync(path, account.uid, account.gid),
      skip: (path) => basename(path) === 'postmaster.pid',
    });
  }
  options.log(
    `User ${account.name} cannot reach ${dir}: the embedded PostgreSQL keeps its data in ${own}` +
      (copied ? ` (the cluster from ${dir} was copied there; the original is left as it is)` : ''),
  );
  return own;
}
