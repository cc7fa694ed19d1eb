import { chmodSync } from 'node:fs';
import { makeSearchableDirectory } from './directories.js';
import { EmbeddedPostgresError } from './launcher-error.js';
import type { PostgresAccount } from './postgres-account.js';
import { canEnter } from './probe.js';

/** Where root keeps what the `postgres` user cannot use where it lies: PostgreSQL's programs and clusters. */
export const DEFAULT_STATE_DIR = '/var/lib/agenda-api';

/** Makes the state directory (root's, 0755) and checks that the account can enter it. */
export function stateDirectory(account: PostgresAccount, dir: string): string {
  makeSearchableDirectory(dir);
  chmodSync(dir, 0o755);
  if (canEnter(account, dir)) return dir;
  throw new EmbeddedPostgresError(
    `User ${account.name} cannot reach ${dir} either, where PostgreSQL would run from instead: let everyone enter ` +
      'it and the directories above it (chmod o+x), run as an ordinary user, or set DATABASE_URL to use another server.',
  );
}
