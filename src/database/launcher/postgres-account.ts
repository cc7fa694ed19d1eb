import { execFileSync } from 'node:child_process';
import { EmbeddedPostgresError } from './launcher-error.js';

/** The system user PostgreSQL runs as when this process is root: PostgreSQL refuses to run as root. */
export interface PostgresAccount {
  name: string;
  uid: number;
  gid: number;
}

const NAME = 'postgres';

function succeeds(command: string, args: string[]): string | undefined {
  try {
    return execFileSync(command, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch {
    return undefined;
  }
}

function lookUp(): PostgresAccount | undefined {
  const uid = succeeds('id', ['-u', NAME]);
  const gid = succeeds('id', ['-g', NAME]);
  return uid && gid ? { name: NAME, uid: Number(uid), gid: Number(gid) } : undefined;
}

/**
 * Who runs PostgreSQL: undefined when this process is not root (PostgreSQL then runs as this process's user), else
 * the `postgres` system user, created when missing.
 */
export function postgresAccount(): PostgresAccount | undefined {
  if (process.getuid?.() !== 0) return undefined;
  const found = lookUp();
  if (found) return found;
  const group = succeeds('getent', ['group', NAME]) ? ['--gid', NAME] : ['--user-group'];
  succeeds('useradd', ['--system', ...group, '--no-create-home', '--home-dir', '/nonexistent', NAME]);
  const created = lookUp();
  if (created) return created;
  throw new EmbeddedPostgresError(
    `PostgreSQL does not run as root, and there is no "${NAME}" user to run it as, nor could one be made: ` +
      `create one (useradd --system ${NAME}), run as an ordinary user, or set DATABASE_URL to use another server.`,
  );
}
