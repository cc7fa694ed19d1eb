import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { EmbeddedPostgresError } from './launcher-error.js';
import { isAlive, parentOf, programOf, stopServerProcess } from './processes.js';

/** The pid that the cluster's lock file (postmaster.pid) names, when there is one. */
function lockHolder(dataDir: string): number | undefined {
  try {
    return Number(readFileSync(join(dataDir, 'postmaster.pid'), 'utf8').split('\n')[0]);
  } catch {
    return undefined;
  }
}

/** The pid of the server running on this cluster, if any. */
export function runningServer(dataDir: string): number | undefined {
  const pid = lockHolder(dataDir);
  return pid !== undefined && isAlive(pid) ? pid : undefined;
}

/**
 * Clears the way for a server on this cluster. A server left running by a run whose node process was killed holds
 * the cluster and the port: it is stopped with a fast shutdown, which loses nothing. A lock file naming a process that
 * is gone, or is no PostgreSQL (its pid reused), is removed. A server that another live node process uses is left
 * alone: that is an error saying so.
 */
export async function stopLeftoverServer(dataDir: string, log: (message: string) => void): Promise<void> {
  const pid = lockHolder(dataDir);
  if (pid === undefined) return;
  if (isAlive(pid)) {
    const program = programOf(pid);
    if (program === undefined) {
      throw new EmbeddedPostgresError(
        `Process ${pid} holds the cluster in ${dataDir} (postmaster.pid): if it is a PostgreSQL server left running, ` +
          `stop it (kill ${pid}) and start again.`,
      );
    }
    if (program === 'postgres') await stopOrphan(dataDir, pid, log);
  }
  // The lock file of a server that is gone, or that names a pid since reused by another program, is stale.
  rmSync(join(dataDir, 'postmaster.pid'), { force: true });
}

async function stopOrphan(dataDir: string, pid: number, log: (message: string) => void): Promise<void> {
  const parent = parentOf(pid);
  const parentProgram = parent === undefined || parent === 1 ? undefined : programOf(parent);
  if (parentProgram !== undefined && [programOf(process.pid), 'node'].includes(parentProgram)) {
    throw new EmbeddedPostgresError(
      `The embedded PostgreSQL with data in ${dataDir} (pid ${pid}) is in use by another process (pid ${parent}): ` +
        'stop that one first, or give this one its own EMBEDDED_POSTGRES_DIR and EMBEDDED_POSTGRES_PORT.',
    );
  }
  log(`Stopping the embedded PostgreSQL (pid ${pid}) that an earlier run, since killed, left running on ${dataDir}`);
  if (!(await stopServerProcess(pid))) {
    throw new EmbeddedPostgresError(
      `The embedded PostgreSQL (pid ${pid}) left running on ${dataDir} by an earlier run does not stop: ` +
        `stop it (kill -9 ${pid}) and start again.`,
    );
  }
}
