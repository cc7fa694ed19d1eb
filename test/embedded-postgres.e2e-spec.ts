import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { execFileSync } from 'node:child_process';
import { chmodSync, chownSync, existsSync, mkdirSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EmbeddedPostgresError, startEmbeddedPostgres } from '../src/database/embedded-postgres.js';
import {
  type Account,
  exitCode,
  idOf,
  isRoot,
  launcherDir,
  query,
  removeLauncherCopy,
  serverPid,
  startChild,
} from './support/embedded-postgres-child.js';
import { freePort } from './support/free-port.mjs';

// The real embedded server, started by the app's launcher: as an ordinary user, and on a port another server has.
// (embedded-postgres-root.e2e-spec.ts: as root from a private clone.)

const TEST_USER = 'agenda-pgtest';

/** The ordinary user the tests switch to (made when missing), or why they cannot. */
function ordinaryUser(): Account | string {
  if (!isRoot) return 'needs root to switch user';
  try {
    return idOf(TEST_USER);
  } catch {
    // Not there yet.
  }
  try {
    execFileSync('useradd', ['--system', '--user-group', '--no-create-home', '--home-dir', '/nonexistent', TEST_USER]);
    return idOf(TEST_USER);
  } catch (error) {
    return `cannot make the user ${TEST_USER} (${(error as Error).message})`;
  }
}
const testUser = ordinaryUser();

afterAll(removeLauncherCopy);

(typeof testUser === 'object' ? describe : describe.skip)(
  `embedded PostgreSQL as an ordinary user${typeof testUser === 'string' ? ` (skipped: ${testUser})` : ''}`,
  () => {
    const account = testUser as Account;
    let home: string;

    beforeAll(() => {
      home = mkdtempSync(join(tmpdir(), 'agenda-user-'));
      chownSync(home, account.uid, account.gid); // private (0700), the user's own
    });

    afterAll(() => rmSync(home, { recursive: true, force: true }));

    it('starts from files that user can read, runs as that user, answers a query and stops', async () => {
      const dir = join(home, 'data');
      const { child, answer } = startChild({ dir, port: await freePort(), database: 'agenda' }, account);
      const { url, dataDir, error } = await answer;
      expect(error).toBeUndefined();
      expect(dataDir).toBe(dir);
      expect(statSync(`/proc/${serverPid(dir)}`).uid).toBe(account.uid);
      expect(await query(url!, 'SELECT current_database() AS db, 1 AS answer')).toEqual([{ db: 'agenda', answer: 1 }]);
      child.stdin!.write('stop\n');
      expect(await exitCode(child)).toBe(0);
      expect(existsSync(join(dir, 'postmaster.pid'))).toBe(false);
    });

    it('says in one line what to do when that user cannot write the data directory', async () => {
      const dir = join(launcherDir(), 'not-theirs', 'data');
      mkdirSync(join(launcherDir(), 'not-theirs'), { mode: 0o755 });
      const { child, answer } = startChild({ dir, port: await freePort(), database: 'agenda' }, account);
      const { error, name } = await answer;
      expect(name).toBe('EmbeddedPostgresError');
      expect(error).toMatch(/^Cannot make the embedded PostgreSQL's data directory .*EACCES.*EMBEDDED_POSTGRES_DIR/);
      expect(error).not.toContain('\n');
      expect(await exitCode(child)).toBe(1);
    });
  },
);
describe('embedded PostgreSQL, as whoever runs the tests, from the installed platform package', () => {
  let dir: string;

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'agenda-port-'));
    chmodSync(dir, 0o755);
  });

  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('says in one line that the port is taken, and never takes the other server for its own', async () => {
    const port = await freePort();
    const first = await startEmbeddedPostgres({ dir: join(dir, 'first'), port, database: 'agenda', persistent: false });
    try {
      const outcome = await startEmbeddedPostgres({ dir: join(dir, 'second'), port, database: 'agenda' }).then(
        async (second) => second.stop(),
        (error: unknown) => error,
      );
      expect(outcome).toBeInstanceOf(EmbeddedPostgresError);
      const { message } = outcome as Error;
      expect(message).toMatch(/^The embedded PostgreSQL did not start on port \d+ .*Address already in use/);
      expect(message).toContain('Set EMBEDDED_POSTGRES_PORT to a free port');
      expect(message).not.toContain('\n');
      expect(await query(first.url, `SELECT current_setting('data_directory') AS dir`)).toEqual([
        { dir: first.dataDir },
      ]);
    } finally {
      await first.stop();
    }
  });
});
